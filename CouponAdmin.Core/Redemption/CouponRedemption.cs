namespace CouponAdmin.Core.Redemption;

/// <summary>
/// One use of a coupon at a till or store. Reversal keeps the row and marks it inactive. The row is its own audit record:
/// <see cref="Actor"/> made it at <see cref="RecordedAt"/> (rows from before that have neither, and an audit entry instead).
/// </summary>
public sealed class CouponRedemption
{
    public const int MaxTransactionIdLength = 100;
    public const int MaxActorLength = 254;

    public long Id { get; set; }
    public long CouponId { get; set; }
    public long OfferId { get; set; }
    public long CustomerId { get; set; }
    public string Code { get; set; } = "";
    public string? StoreId { get; set; }
    public string? TillId { get; set; }
    public decimal BillAmount { get; set; }
    public string Currency { get; set; } = "";
    public decimal DiscountAmount { get; set; }
    public string TransactionId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset? ReversedAt { get; set; }
    /// <summary>Who redeemed: the API key (<c>api-key:name (key_…)</c>), the upload or the signed-in user.</summary>
    public string? Actor { get; set; }
    /// <summary>When it was written; <see cref="At"/> is when it happened at the till (an offline upload sends the past).</summary>
    public DateTimeOffset? RecordedAt { get; set; }
}
