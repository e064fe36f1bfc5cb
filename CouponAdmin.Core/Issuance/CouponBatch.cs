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

    /// <summary>The rows' issue instant: the write's, for issued rows; none for pool codes.</summary>
    public DateTimeOffset? RowIssuedAt => Issued ? Now : null;

    /// <summary>The rows' expiry: none for pool codes, which get theirs when issued.</summary>
    public DateTimeOffset? RowExpiresAt => Issued ? ExpiresAt : null;

    /// <summary>Refuses a row's transfer number where the writer was made without them (every row's is then 0).</summary>
    public void CheckTransferSeq(int transferSeq)
    {
        if (transferSeq != 0 && !TransferSeqs)
        {
            throw new InvalidOperationException("This coupon-row writer was made without transfer numbers.");
        }
    }
}
