using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;

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
        db.ExecuteAsync("""INSERT INTO "OfferCounters" ("OfferId", "IssuedCount", "RedeemedCount") VALUES (@o, 0, 0) ON CONFLICT DO NOTHING""",
            ct, ("@o", offerId));

    /// <summary>Recounts every customer's coupons of the offer, for when a per-customer rule is added to a live offer.</summary>
    public static Task RebuildCustomerCountsAsync(CouponDbContext db, long offerId, CancellationToken ct) =>
        db.ExecuteAsync("""
            INSERT INTO "CustomerIssuals" ("OfferId", "CustomerId", "Count", "LastIssuedAt")
            SELECT "OfferId", "CustomerId", COUNT(*), MAX("IssuedAt") FROM "Coupons"
            WHERE "OfferId" = @o AND "CustomerId" IS NOT NULL AND "IssuedAt" IS NOT NULL
            GROUP BY "OfferId", "CustomerId"
            ON CONFLICT ("OfferId", "CustomerId") DO UPDATE SET "Count" = excluded."Count", "LastIssuedAt" = excluded."LastIssuedAt"
            """, ct, ("@o", offerId));
}
