namespace CouponAdmin.Core.Issuance;

/// <summary>A customer on an offer's "issue to specific customers only" list.</summary>
public sealed class AudienceMember
{
    public long OfferId { get; set; }
    public long CustomerId { get; set; }
}
