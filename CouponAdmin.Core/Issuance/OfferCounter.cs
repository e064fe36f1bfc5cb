namespace CouponAdmin.Core.Issuance;

/// <summary>Per-offer counters, kept beside the offer so hot paths update one small row.</summary>
public sealed class OfferCounter
{
    public long OfferId { get; set; }
    public long IssuedCount { get; set; }
    public long RedeemedCount { get; set; }
}
