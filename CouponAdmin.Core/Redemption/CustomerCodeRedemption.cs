namespace CouponAdmin.Core.Redemption;

/// <summary>How often one customer redeemed one code of an offer (the customer-level limit).</summary>
public sealed class CustomerCodeRedemption
{
    public long OfferId { get; set; }
    public string Code { get; set; } = "";
    public long CustomerId { get; set; }
    public int Count { get; set; }
}
