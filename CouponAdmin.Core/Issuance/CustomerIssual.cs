namespace CouponAdmin.Core.Issuance;

/// <summary>How many coupons of an offer a customer holds and when the last came: the O(1) issual-rule guard.</summary>
public sealed class CustomerIssual
{
    public long OfferId { get; set; }
    public long CustomerId { get; set; }
    public int Count { get; set; }
    public DateTimeOffset? LastIssuedAt { get; set; }
}
