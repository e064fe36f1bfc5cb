namespace CouponAdmin.Core.Offers;

/// <summary>Which redemption limit levels may be set, by series type and "anyone can redeem".</summary>
public sealed record AllowedLimits(bool Code, bool Customer, bool Series, bool AnyoneCanRedeem);

/// <summary>
/// The reference product's 14-row redemption-limit table, reduced to its rule: the code level exists only
/// when anyone may redeem a code (otherwise it equals the customer level), a common code has no code level
/// (it is one code, so the series level covers it), and third-party uploaded codes are never shared.
/// </summary>
public static class RedemptionLimitPolicy
{
    public static AllowedLimits For(SeriesType type, bool anyoneCanRedeem)
    {
        var sharingAllowed = type != SeriesType.ThirdPartyUploaded;
        var shared = anyoneCanRedeem && sharingAllowed;
        return new AllowedLimits(
            Code: shared && type != SeriesType.Common,
            Customer: true,
            Series: true,
            AnyoneCanRedeem: sharingAllowed);
    }
}
