namespace CouponAdmin.Core.Offers;

/// <summary>
/// Which settings apply to an offer's earlier choices: what a screen shows, and what the validators accept.
/// Issuing through a third party means uploaded codes, no issual settings and no sharing; a common code has no
/// per-customer issual limits; an audience list exists for auto-generated and common codes only.
/// </summary>
public static class OfferOptions
{
    public static IReadOnlyList<GenerationMethod> MethodsFor(IssuedBy issuedBy) => issuedBy == IssuedBy.ThirdParty
        ? [GenerationMethod.Uploaded]
        : [GenerationMethod.AutoUnique, GenerationMethod.Common, GenerationMethod.RandomizedCommon, GenerationMethod.Uploaded];

    /// <summary>"Issue to specific customers only" (an uploaded audience list).</summary>
    public static bool AllowsAudienceList(GenerationMethod method) => method is GenerationMethod.AutoUnique or GenerationMethod.Common;

    /// <summary>The whole "Issual &amp; reminders" screen: not for coupons a third party issues.</summary>
    public static bool IssualConfigurable(OfferDefinition offer) => offer.Coupon.IssuedBy != IssuedBy.ThirdParty;

    /// <summary>Maximum issuals per customer and the gap between them: every customer gets a common code once.</summary>
    public static bool PerCustomerIssualApplies(OfferDefinition offer) =>
        IssualConfigurable(offer) && offer.Coupon.Generation.Method != GenerationMethod.Common;

    /// <summary>"Along with the offer" needs an offer that ends on a fixed date.</summary>
    public static bool ExpiryWithOfferAvailable(OfferDefinition offer) => offer.ValidUntil is not null;

    /// <summary>A gap between a customer's redemptions: not when a customer may redeem a coupon only once.</summary>
    public static bool RedemptionGapApplies(OfferDefinition offer) => offer.Redemption.CustomerLimit != 1;

    /// <summary>
    /// Clears every setting the offer's choices no longer allow (switching to a third party, to a common code,
    /// turning "anyone can redeem" off, …), so a setting a screen hides never stays behind to fail validation.
    /// </summary>
    public static void DropInapplicable(OfferDefinition offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var coupon = offer.Coupon;
        if (!MethodsFor(coupon.IssuedBy).Contains(coupon.Generation.Method))
        {
            coupon.Generation.Method = MethodsFor(coupon.IssuedBy)[0];
        }

        if (!AllowsAudienceList(coupon.Generation.Method))
        {
            coupon.SpecificCustomersOnly = false;
        }

        if (coupon.Expiry.Mode == ExpiryMode.WithOffer && !ExpiryWithOfferAvailable(offer))
        {
            coupon.Expiry.Mode = ExpiryMode.DaysFromIssual;
        }

        if (!IssualConfigurable(offer))
        {
            offer.Issual = new IssualSettings();
        }
        else if (!PerCustomerIssualApplies(offer))
        {
            offer.Issual.MaxPerCustomer = null;
            offer.Issual.MinGapDays = 0;
        }

        var r = offer.Redemption;
        var allowed = RedemptionLimitPolicy.For(offer.SeriesType, r.AnyoneCanRedeem);
        r.AnyoneCanRedeem &= allowed.AnyoneCanRedeem;
        allowed = RedemptionLimitPolicy.For(offer.SeriesType, r.AnyoneCanRedeem);
        if (!allowed.Code) r.CodeLimit = null;
        if (!allowed.Customer) r.CustomerLimit = null;
        if (!allowed.Series) r.SeriesLimit = null;
        if (!RedemptionGapApplies(offer)) r.MinGapDays = 0;
    }
}
