namespace CouponAdmin.Core.Issuance;

/// <summary>
/// What every coupon row of one bulk write shares: the offer, whether its code is common, its code space, the instant of
/// the write, the expiry, whether the rows are issued (or unissued pool codes) and whether they carry transfer numbers.
/// </summary>
/// <param name="TransferSeqs">Whether rows carry a transfer number (a revoked uploaded code given again); otherwise every
/// row's is 0.</param>
public sealed record CouponBatch(long OfferId, bool Shared, long? CodeSpaceId, DateTimeOffset Now, DateTimeOffset? ExpiresAt, bool Issued = true,
    bool TransferSeqs = false)
{
    public CouponStatus Status => Issued ? CouponStatus.Issued : CouponStatus.Unissued;
}
