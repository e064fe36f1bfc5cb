namespace CouponAdmin.Core.Issuance;

/// <summary>
/// A "N coupons remain" alert, recorded when the remaining count first reaches the threshold. One per crossing: the
/// key holds the total limit and threshold the offer had, so raising the limit (or moving the threshold) re-arms it.
/// Its e-mails to the brand POCs are outbox messages written in the same transaction.
/// </summary>
public sealed class IssualAlert
{
    public long OfferId { get; set; }
    public long TotalLimit { get; set; }
    public long Threshold { get; set; }
    public long Remaining { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
}
