using CouponAdmin.Core.Common;

namespace CouponAdmin.Core.Offers;

/// <summary>The screens an offer is configured on, in the reference product's order.</summary>
public enum OfferStep { Offer, CouponDetails, IssualAndReminders, Redemption }

/// <summary>
/// Splits <see cref="OfferValidator"/>'s problems by the screen their field sits on, so a wizard can check one
/// step with exactly the rules the API applies to the whole body.
/// </summary>
public static class OfferStepValidator
{
    public static IReadOnlyList<FieldError> Validate(OfferDefinition offer, OfferStep step) =>
        [.. OfferValidator.Validate(offer).Where(e => StepOf(e.Path) == step)];

    /// <summary>The screen of a field, by the first segment of its JSON path (<c>redemption.codeLimit</c> → Redemption).</summary>
    public static OfferStep StepOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var end = path.IndexOfAny(['.', '[']);
        return (end < 0 ? path : path[..end]) switch
        {
            "coupon" => OfferStep.CouponDetails,
            "issual" => OfferStep.IssualAndReminders,
            "redemption" => OfferStep.Redemption,
            _ => OfferStep.Offer,
        };
    }

    /// <summary>The first step with a problem, or null when the offer is valid: where a wizard sends the user back to.</summary>
    public static OfferStep? FirstStepWithErrors(IEnumerable<FieldError> errors) =>
        errors.Select(e => (OfferStep?)StepOf(e.Path)).Min();
}
