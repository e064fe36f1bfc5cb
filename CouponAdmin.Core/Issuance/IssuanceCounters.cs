using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Core.Issuance;

/// <summary>
/// The atomic steps of issuing, each one conditional statement, so concurrent issuers can never pass a limit:
/// the statement that raises a counter is the statement that checks it.
/// </summary>
internal static class IssuanceCounters
{
    /// <summary>Makes sure the offer's counter row exists (once per offer).</summary>
    public static Task EnsureOfferRowAsync(CouponDbContext db, long offerId, CancellationToken ct) =>
        db.ExecuteAsync("""INSERT INTO "OfferCounters" ("OfferId", "IssuedCount", "RedeemedCount") VALUES (@o, 0, 0) ON CONFLICT DO NOTHING""",
            ct, ("@o", offerId));

    /// <summary>
    /// Counts one more coupon for the customer when the offer has a per-customer rule: if they hold fewer than its
    /// maximum and their last came before its gap. Returns false when either rule refuses.
    /// </summary>
    public static Task<bool> TryCountCustomerAsync(CouponDbContext db, Offer offer, long customerId, DateTimeOffset now, CancellationToken ct)
    {
        var d = offer.Definition;
        if (!IssuanceChecks.CountsPerCustomer(d))
        {
            return Task.FromResult(true);
        }

        var gapStart = d.Issual.MinGapDays > 0 ? now.AddDays(-d.Issual.MinGapDays) : (DateTimeOffset?)null;
        return TryCountCustomerAsync(db, offer.Id, customerId, IssuanceChecks.MaxPerCustomer(d), gapStart, now, ct);
    }

    private static async Task<bool> TryCountCustomerAsync(CouponDbContext db, long offerId, long customerId, int? max, DateTimeOffset? gapStart, DateTimeOffset now, CancellationToken ct)
    {
        await db.ExecuteAsync("""INSERT INTO "CustomerIssuals" ("OfferId", "CustomerId", "Count", "LastIssuedAt") VALUES (@o, @c, 0, NULL) ON CONFLICT DO NOTHING""",
            ct, ("@o", offerId), ("@c", customerId));
        var changed = await db.ExecuteAsync("""
            UPDATE "CustomerIssuals" SET "Count" = "Count" + 1, "LastIssuedAt" = @now
            WHERE "OfferId" = @o AND "CustomerId" = @c
              AND (@max IS NULL OR "Count" < @max)
              AND (@gapStart IS NULL OR "LastIssuedAt" IS NULL OR "LastIssuedAt" <= @gapStart)
            """, ct, ("@o", offerId), ("@c", customerId), ("@max", max), ("@gapStart", gapStart), ("@now", now));
        return changed == 1;
    }

    /// <summary>Counts one more issual for the offer unless its total limit is reached; returns the new count.</summary>
    public static Task<long?> TryCountOfferAsync(CouponDbContext db, long offerId, long? totalLimit, CancellationToken ct) =>
        db.ScalarAsync<long>("""
            UPDATE "OfferCounters" SET "IssuedCount" = "IssuedCount" + 1
            WHERE "OfferId" = @o AND (@limit IS NULL OR "IssuedCount" < @limit)
            RETURNING "IssuedCount"
            """, ct, ("@o", offerId), ("@limit", totalLimit));

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
