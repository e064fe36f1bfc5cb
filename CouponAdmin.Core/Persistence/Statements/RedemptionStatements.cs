using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// The redemption's writes: the redemption row, the conditional upserts that decide every limit (the statement that
/// raises a count is the one that checks it), their recount when a live offer starts counting a level, and the give-back
/// of a reversal. Upserts qualify the target's columns with the table, as PostgreSQL requires beside <c>excluded</c>.
/// </summary>
internal sealed class RedemptionStatements
{
    private static readonly StatementCache<RedemptionStatements> Cache = new(d => new(d));

    private RedemptionStatements(ISqlDialect d)
    {
        var issued = SqlLiteral.Of(CouponStatus.Issued);
        var redeemed = SqlLiteral.Of(CouponStatus.Redeemed);
        var active = $""" "Active" = {d.Bool(true)}""";
        Insert = $"""
            INSERT INTO "Redemptions" ("CouponId", "OfferId", "CustomerId", "Code", "StoreId", "TillId", "BillAmount", "Currency",
                                       "DiscountAmount", "TransactionId", "At", "Active", "ReversedAt", "Actor", "RecordedAt")
            VALUES (@coupon, @offer, @customer, @code, @store, @till, @bill, @currency, @discount, @tx, @at, {d.Bool(true)}, NULL, @actor, @recorded)
            ON CONFLICT DO NOTHING
            RETURNING "Id"
            """;
        LockCoupon = d.SingleWriter ? null : $"""SELECT 1 FROM "Coupons" WHERE "Id" = @id{d.ForUpdate}""";
        GapUpsert = """
            INSERT INTO "CustomerOfferRedemptions" ("OfferId", "CustomerId", "LastRedeemedAt") VALUES (@o, @c, @at)
            ON CONFLICT ("OfferId", "CustomerId") DO UPDATE SET "LastRedeemedAt" = excluded."LastRedeemedAt"
            WHERE "CustomerOfferRedemptions"."LastRedeemedAt" IS NULL OR "CustomerOfferRedemptions"."LastRedeemedAt" <= @gapStart
            """;
        CouponCount = $"""
            UPDATE "Coupons" SET "RedemptionCount" = "RedemptionCount" + 1, "Status" = {redeemed}, "LastStatusChangeAt" = @at
            WHERE "Id" = @id AND "Status" IN ({issued}, {redeemed}) AND (CAST(@limit AS INTEGER) IS NULL OR "RedemptionCount" < CAST(@limit AS INTEGER))
            """;
        StatusOf = """SELECT "Status" FROM "Coupons" WHERE "Id" = @id""";
        CustomerCodeUpsert = """
            INSERT INTO "CustomerCodeRedemptions" ("OfferId", "Code", "CustomerId", "Count") SELECT @o, @code, @c, 1 WHERE @limit > 0
            ON CONFLICT ("OfferId", "Code", "CustomerId") DO UPDATE SET "Count" = "CustomerCodeRedemptions"."Count" + 1
            WHERE "CustomerCodeRedemptions"."Count" < @limit
            """;
        SeriesUpsert = """
            INSERT INTO "OfferCounters" ("OfferId", "IssuedCount", "RedeemedCount") SELECT @o, 0, 1 WHERE @limit > 0
            ON CONFLICT ("OfferId") DO UPDATE SET "RedeemedCount" = "OfferCounters"."RedeemedCount" + 1 WHERE "OfferCounters"."RedeemedCount" < @limit
            """;
        RebuildCustomerCodes = $"""
            INSERT INTO "CustomerCodeRedemptions" ("OfferId", "Code", "CustomerId", "Count")
            SELECT "OfferId", "Code", "CustomerId", COUNT(*) FROM "Redemptions" WHERE "OfferId" = @o AND {active}
            GROUP BY "OfferId", "Code", "CustomerId"
            ON CONFLICT ("OfferId", "Code", "CustomerId") DO UPDATE SET "Count" = excluded."Count"
            """;
        RebuildGaps = $"""
            INSERT INTO "CustomerOfferRedemptions" ("OfferId", "CustomerId", "LastRedeemedAt")
            SELECT "OfferId", "CustomerId", MAX("At") FROM "Redemptions" WHERE "OfferId" = @o AND {active}
            GROUP BY "OfferId", "CustomerId"
            ON CONFLICT ("OfferId", "CustomerId") DO UPDATE SET "LastRedeemedAt" = excluded."LastRedeemedAt"
            """;
        RebuildSeries = $"""
            UPDATE "OfferCounters" SET "RedeemedCount" = (SELECT COUNT(*) FROM "Redemptions" WHERE "OfferId" = @o AND {active}) WHERE "OfferId" = @o
            """;
        GiveBackCoupon = $"""
            UPDATE "Coupons" SET "RedemptionCount" = "RedemptionCount" - 1, "LastStatusChangeAt" = @now,
                "Status" = CASE WHEN "RedemptionCount" - 1 = 0 AND "Status" = {redeemed} THEN {issued} ELSE "Status" END
            WHERE "Id" = @id AND "RedemptionCount" > 0
            """;
        GiveBackCustomerCode = """
            UPDATE "CustomerCodeRedemptions" SET "Count" = "Count" - 1 WHERE "OfferId" = @o AND "Code" = @code AND "CustomerId" = @c AND "Count" > 0
            """;
        GiveBackSeries = """
            UPDATE "OfferCounters" SET "RedeemedCount" = "RedeemedCount" - 1 WHERE "OfferId" = @o AND "RedeemedCount" > 0
            """;
        GiveBackGap = $"""
            UPDATE "CustomerOfferRedemptions" SET "LastRedeemedAt" =
                (SELECT MAX("At") FROM "Redemptions" WHERE "OfferId" = @o AND "CustomerId" = @c AND {active})
            WHERE "OfferId" = @o AND "CustomerId" = @c
            """;
    }

    public static RedemptionStatements For(ISqlDialect dialect) => Cache.For(dialect);

    /// <summary>
    /// Locks the coupon's row until the transaction ends, before anything of the redemption is written, so that the
    /// redemptions (and validations) of one coupon take turns on it; null where writers take turns anyway (SQLite).
    /// Without it, PostgreSQL fails under many writers of one coupon (docs/decisions.md, "Several writers, the same answers").
    /// </summary>
    public string? LockCoupon { get; }

    /// <summary>The redemption row, first in its savepoint; no row back when the POS transaction already redeemed the code.</summary>
    public string Insert { get; }

    /// <summary>The customer's last redemption of the offer, moved only when the gap (<c>@gapStart</c>) has passed.</summary>
    public string GapUpsert { get; }

    /// <summary>The coupon's own count, raised only while it is in force and under the code-level <c>@limit</c> (null: none).</summary>
    public string CouponCount { get; }

    /// <summary>The coupon's status, to tell a revocation from a reached limit when <see cref="CouponCount"/> changed nothing.</summary>
    public string StatusOf { get; }

    /// <summary>The customer's redemptions of the code, raised only under <c>@limit</c>.</summary>
    public string CustomerCodeUpsert { get; }

    /// <summary>The offer's redemptions, raised only under the series <c>@limit</c>.</summary>
    public string SeriesUpsert { get; }

    public string RebuildCustomerCodes { get; }

    public string RebuildGaps { get; }

    public string RebuildSeries { get; }

    public string GiveBackCoupon { get; }

    public string GiveBackCustomerCode { get; }

    public string GiveBackSeries { get; }

    /// <summary>The gap counts from the customer's latest redemption still in force.</summary>
    public string GiveBackGap { get; }
}
