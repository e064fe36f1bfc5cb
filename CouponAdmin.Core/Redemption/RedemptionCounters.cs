using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// The limit steps of redeeming, each one conditional statement inside the redemption's transaction: the
/// statement that raises a count is the one that checks it, so concurrent redemptions cannot pass a limit.
/// Levels without a limit keep no counter (they are rebuilt when a limit is set on a live offer).
/// </summary>
internal static class RedemptionCounters
{
    public static async Task<Error?> CountAsync(SqlSession s, RedemptionContext c, CancellationToken ct)
    {
        var settings = c.Settings;
        var offerId = c.Offer.Id;
        var customerId = c.Customer.UserId;

        // Each limit below is one upsert: the first redemption at a level inserts its counter, a later one raises it only
        // while the condition holds, and a row count of 0 is the refusal.
        if (settings.MinGapDays > 0)
        {
            var gapStart = c.At.AddDays(-settings.MinGapDays);
            if (await s.ExecuteAsync("""
                INSERT INTO "CustomerOfferRedemptions" ("OfferId", "CustomerId", "LastRedeemedAt") VALUES (@o, @c, @at)
                ON CONFLICT ("OfferId", "CustomerId") DO UPDATE SET "LastRedeemedAt" = excluded."LastRedeemedAt"
                WHERE "LastRedeemedAt" IS NULL OR "LastRedeemedAt" <= @gapStart
                """, ct, ("@o", offerId), ("@c", customerId), ("@at", c.At), ("@gapStart", gapStart)) == 0)
            {
                return Error.Rule(ErrorCodes.RedemptionGapNotMet, $"Customer {customerId} redeemed offer {offerId} less than {settings.MinGapDays} day(s) ago.");
            }
        }

        // Code level: all customers on one code; without "anyone can redeem" it is the customer level.
        var codeLimit = settings.AnyoneCanRedeem ? settings.CodeLimit : null;
        if (await s.ExecuteAsync("""
            UPDATE "Coupons" SET "RedemptionCount" = "RedemptionCount" + 1, "Status" = 'Redeemed', "LastStatusChangeAt" = @at
            WHERE "Id" = @id AND "Status" IN ('Issued', 'Redeemed') AND (@limit IS NULL OR "RedemptionCount" < @limit)
            """, ct, ("@id", c.Coupon.Id), ("@limit", codeLimit), ("@at", c.At)) == 0)
        {
            var status = await s.StringAsync("""SELECT "Status" FROM "Coupons" WHERE "Id" = @id""", ct, ("@id", c.Coupon.Id));
            return status == nameof(CouponStatus.Revoked)
                ? Error.Rule(ErrorCodes.CouponRevoked, $"Coupon '{c.Code}' was revoked a moment ago.")
                : Error.Rule(ErrorCodes.CodeRedemptionLimitReached, $"Coupon '{c.Code}' has been redeemed its limit of {codeLimit} time(s).");
        }

        if (settings.CustomerLimit is { } customerLimit && await s.ExecuteAsync("""
            INSERT INTO "CustomerCodeRedemptions" ("OfferId", "Code", "CustomerId", "Count") SELECT @o, @code, @c, 1 WHERE @limit > 0
            ON CONFLICT ("OfferId", "Code", "CustomerId") DO UPDATE SET "Count" = "Count" + 1 WHERE "Count" < @limit
            """, ct, ("@o", offerId), ("@code", c.Code), ("@c", customerId), ("@limit", customerLimit)) == 0)
        {
            return Error.Rule(ErrorCodes.CustomerRedemptionLimitReached, $"Customer {customerId} has redeemed '{c.Code}' its limit of {customerLimit} time(s).");
        }

        if (settings.SeriesLimit is { } seriesLimit && await s.ExecuteAsync("""
            INSERT INTO "OfferCounters" ("OfferId", "IssuedCount", "RedeemedCount") SELECT @o, 0, 1 WHERE @limit > 0
            ON CONFLICT ("OfferId") DO UPDATE SET "RedeemedCount" = "RedeemedCount" + 1 WHERE "RedeemedCount" < @limit
            """, ct, ("@o", offerId), ("@limit", seriesLimit)) == 0)
        {
            return Error.Rule(ErrorCodes.SeriesRedemptionLimitReached, $"Offer {offerId} has been redeemed its limit of {seriesLimit:N0} time(s).");
        }

        return null;
    }

    /// <summary>
    /// Recounts the customer, gap and series counters from the active redemptions, for when a limit or gap is set on
    /// a live offer whose redemptions were not being counted at that level.
    /// </summary>
    public static async Task RebuildAsync(CouponDbContext db, long offerId, CancellationToken ct)
    {
        await db.ExecuteAsync("""
            INSERT INTO "CustomerCodeRedemptions" ("OfferId", "Code", "CustomerId", "Count")
            SELECT "OfferId", "Code", "CustomerId", COUNT(*) FROM "Redemptions" WHERE "OfferId" = @o AND "Active" = 1
            GROUP BY "OfferId", "Code", "CustomerId"
            ON CONFLICT ("OfferId", "Code", "CustomerId") DO UPDATE SET "Count" = excluded."Count"
            """, ct, ("@o", offerId));
        await db.ExecuteAsync("""
            INSERT INTO "CustomerOfferRedemptions" ("OfferId", "CustomerId", "LastRedeemedAt")
            SELECT "OfferId", "CustomerId", MAX("At") FROM "Redemptions" WHERE "OfferId" = @o AND "Active" = 1
            GROUP BY "OfferId", "CustomerId"
            ON CONFLICT ("OfferId", "CustomerId") DO UPDATE SET "LastRedeemedAt" = excluded."LastRedeemedAt"
            """, ct, ("@o", offerId));
        await IssuanceCounters.EnsureOfferRowAsync(db, offerId, ct);
        await db.ExecuteAsync("""
            UPDATE "OfferCounters" SET "RedeemedCount" = (SELECT COUNT(*) FROM "Redemptions" WHERE "OfferId" = @o AND "Active" = 1) WHERE "OfferId" = @o
            """, ct, ("@o", offerId));
    }

    /// <summary>Whether a settings change starts counting a level that was not counted before.</summary>
    public static bool StartsCounting(Offers.RedemptionSettings before, Offers.RedemptionSettings after) =>
        (before.CustomerLimit is null && after.CustomerLimit is not null)
        || (before.SeriesLimit is null && after.SeriesLimit is not null)
        || (before.MinGapDays == 0 && after.MinGapDays > 0);

    /// <summary>Gives a reversed redemption's counts back at every level; counts never go below zero.</summary>
    public static async Task GiveBackAsync(CouponDbContext db, CouponRedemption r, DateTimeOffset now, CancellationToken ct)
    {
        await db.ExecuteAsync("""
            UPDATE "Coupons" SET "RedemptionCount" = "RedemptionCount" - 1, "LastStatusChangeAt" = @now,
                "Status" = CASE WHEN "RedemptionCount" - 1 = 0 AND "Status" = 'Redeemed' THEN 'Issued' ELSE "Status" END
            WHERE "Id" = @id AND "RedemptionCount" > 0
            """, ct, ("@id", r.CouponId), ("@now", now));
        await db.ExecuteAsync("""
            UPDATE "CustomerCodeRedemptions" SET "Count" = "Count" - 1 WHERE "OfferId" = @o AND "Code" = @code AND "CustomerId" = @c AND "Count" > 0
            """, ct, ("@o", r.OfferId), ("@code", r.Code), ("@c", r.CustomerId));
        await db.ExecuteAsync("""
            UPDATE "OfferCounters" SET "RedeemedCount" = "RedeemedCount" - 1 WHERE "OfferId" = @o AND "RedeemedCount" > 0
            """, ct, ("@o", r.OfferId));
        // The gap counts from the customer's latest redemption still in force.
        await db.ExecuteAsync("""
            UPDATE "CustomerOfferRedemptions" SET "LastRedeemedAt" =
                (SELECT MAX("At") FROM "Redemptions" WHERE "OfferId" = @o AND "CustomerId" = @c AND "Active" = 1)
            WHERE "OfferId" = @o AND "CustomerId" = @c
            """, ct, ("@o", r.OfferId), ("@c", r.CustomerId));
    }
}
