namespace CouponAdmin.Core.Redemption;

/// <summary>When a customer last redeemed an offer (the gap rule).</summary>
public sealed class CustomerOfferRedemption
{
    public long OfferId { get; set; }
    public long CustomerId { get; set; }
    public DateTimeOffset? LastRedeemedAt { get; set; }
}
