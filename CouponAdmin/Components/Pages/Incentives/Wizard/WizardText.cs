using System.Globalization;
using System.Numerics;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Components.Pages.Incentives.Wizard;

/// <summary>The wizard's words: step titles, method names in the reference product's terms, and live sentences.</summary>
internal static class WizardText
{
    public static readonly IReadOnlyList<string> StepTitles = ["Offer", "Coupon details", "Issual & reminders", "Redemption", "Review"];

    public static string Method(GenerationMethod method) => method switch
    {
        GenerationMethod.AutoUnique => "Automatically create unique codes",
        GenerationMethod.Common => "Give a common code to all coupons",
        GenerationMethod.RandomizedCommon => "Generate randomized common code(s)",
        _ => "Upload existing coupon codes",
    };

    public static string Alphabet(CodeAlphabet? alphabet) => alphabet switch
    {
        CodeAlphabet.Numeric => "Numeric (0–9)",
        CodeAlphabet.Unambiguous => "Unambiguous (no 0, O, 1, I, L)",
        _ => "Alphanumeric (0–9, A–Z)",
    };

    /// <summary>The alphabet in a sentence: "8 unambiguous characters".</summary>
    public static string AlphabetShort(CodeAlphabet? alphabet) => (alphabet ?? CodeAlphabet.Alphanumeric).ToString().ToLowerInvariant();

    public static string Count(BigInteger? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>
    /// "Issued today, expires 30 Nov 23:59": a coupon issued now, by <see cref="ExpiryCalculator"/> in the org's
    /// zone. Null when the expiry settings are not valid yet.
    /// </summary>
    public static string? ExpirySentence(OfferDefinition offer, DateTimeOffset now, TimeZoneInfo zone)
    {
        var invalid = OfferStepValidator.Validate(offer, OfferStep.CouponDetails).Any(e => e.Path.StartsWith("coupon.expiry", StringComparison.Ordinal));
        if (invalid)
        {
            return null;
        }

        var expires = ExpiryCalculator.ExpiresAt(now, offer.Coupon.Expiry, offer.ValidUntil, zone);
        if (expires is not { } at)
        {
            return "Issued today, never expires: the offer has no end date.";
        }

        var local = TimeZoneInfo.ConvertTime(at, zone);
        var sameYear = local.Year == TimeZoneInfo.ConvertTime(now, zone).Year;
        var text = local.ToString(sameYear ? "d MMM HH:mm" : "d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
        var cappedByOffer = offer.ValidUntil is { } end && at == end && offer.Coupon.Expiry.Mode != ExpiryMode.WithOffer;
        return $"Issued today, expires {text}{(cappedByOffer ? ", when the offer ends" : "")}";
    }
}
