using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Issuance;

/// <summary>
/// The issuance counters' upkeep outside the decider: the offer's row, and a recount when a live offer gains a
/// per-customer rule. Every issuing path decides and writes counts through <see cref="IssualLedger"/> and
/// <see cref="IssualLedgerWriter"/>, inside a write transaction that serialises writers (docs/architecture.md).
/// </summary>
internal static class IssuanceCounters
{
    /// <summary>Makes sure the offer's counter row exists (once per offer).</summary>
    public static Task EnsureOfferRowAsync(CouponDbContext db, long offerId, CancellationToken ct) =>
        db.ExecuteAsync(IssuanceStatements.For(db.Dialect).EnsureOfferRow, ct, ("@o", offerId));

    /// <summary>Recounts every customer's coupons of the offer, for when a per-customer rule is added to a live offer.</summary>
    public static Task RebuildCustomerCountsAsync(CouponDbContext db, long offerId, CancellationToken ct) =>
        db.ExecuteAsync(IssuanceStatements.For(db.Dialect).RebuildCustomerCounts, ct, ("@o", offerId));
}
