using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// The issual decider's reads and writes (<c>Issuance/IssualLedger</c>, <c>IssualLedgerWriter</c>, <c>IssuanceCounters</c>)
/// and the bulk run's checkpoint. The ledger's reads join a chunk's ids (a list parameter, <c>@ids</c>) to an indexed table
/// with <c>CROSS JOIN</c>, ids first: SQLite then loops over the ids and seeks the index for each instead of scanning.
/// </summary>
internal sealed class IssuanceStatements
{
    private static readonly StatementCache<IssuanceStatements> Cache = new(d => new(d));

    private IssuanceStatements(ISqlDialect d)
    {
        var ids = d.ListTable("@ids", "j");
        EnsureOfferRow = """INSERT INTO "OfferCounters" ("OfferId", "IssuedCount", "RedeemedCount") VALUES (@o, 0, 0) ON CONFLICT DO NOTHING""";
        RebuildCustomerCounts = """
            INSERT INTO "CustomerIssuals" ("OfferId", "CustomerId", "Count", "LastIssuedAt")
            SELECT "OfferId", "CustomerId", COUNT(*), MAX("IssuedAt") FROM "Coupons"
            WHERE "OfferId" = @o AND "CustomerId" IS NOT NULL AND "IssuedAt" IS NOT NULL
            GROUP BY "OfferId", "CustomerId"
            ON CONFLICT ("OfferId", "CustomerId") DO UPDATE SET "Count" = excluded."Count", "LastIssuedAt" = excluded."LastIssuedAt"
            """;
        AudienceOf = $"""
            SELECT a."CustomerId" FROM {ids} CROSS JOIN "AudienceMembers" a WHERE a."OfferId" = @o AND a."CustomerId" = j.value
            """;
        PastIssuals = $"""
            SELECT x."CustomerId", MIN(x."OfferId") FROM {ids}
            CROSS JOIN "Coupons" x
            WHERE x."CustomerId" = j.value AND x."OfferId" IN ({d.ListSubquery("@offers")}) AND x."IssuedAt" >= @since
            GROUP BY x."CustomerId"
            """;
        CustomerCounts = $"""
            SELECT ci."CustomerId", ci."Count", ci."LastIssuedAt" FROM {ids}
            CROSS JOIN "CustomerIssuals" ci WHERE ci."OfferId" = @o AND ci."CustomerId" = j.value
            """;
        SeriesIssued = $"""SELECT "IssuedCount" FROM "OfferCounters" WHERE "OfferId" = @o{d.ForUpdate}""";
        AddIssued = """UPDATE "OfferCounters" SET "IssuedCount" = "IssuedCount" + @n WHERE "OfferId" = @o RETURNING "IssuedCount" """;
        CustomerCountUpsert = """
            INSERT INTO "CustomerIssuals" ("OfferId", "CustomerId", "Count", "LastIssuedAt") VALUES (@o, @c, @n, @last)
            ON CONFLICT ("OfferId", "CustomerId") DO UPDATE SET "Count" = excluded."Count", "LastIssuedAt" = excluded."LastIssuedAt"
            """;
        ExistingCodes = $"""
            SELECT c."CustomerId", c."Code" FROM {ids}
            CROSS JOIN "Coupons" c
            WHERE c."CustomerId" = j.value AND c."OfferId" = @o AND c."Status" = {SqlLiteral.Of(CouponStatus.Issued)} AND {Coupon.ValidAtSql}
            ORDER BY c."IssuedAt"
            """;
        UnissuedLeft = $"""
            SELECT COUNT(*) FROM "Coupons" WHERE "OfferId" = @o AND "Status" = {SqlLiteral.Of(CouponStatus.Unissued)} AND "CustomerId" IS NULL
            """;
        RunCheckpoint = $"""SELECT "LastCustomerId" FROM "BulkIssueRuns" WHERE "Id" = @r{d.ForUpdate}""";
        RunAdvance = """
            UPDATE "BulkIssueRuns" SET "LastCustomerId" = @last, "Considered" = "Considered" + @n, "Issued" = "Issued" + @issued WHERE "Id" = @r
            RETURNING "Considered", "Issued"
            """;
    }

    public static IssuanceStatements For(ISqlDialect dialect) => Cache.For(dialect);

    /// <summary>The offer's counter row, made once.</summary>
    public string EnsureOfferRow { get; }

    /// <summary>Every customer's coupons of the offer recounted, for a per-customer rule added to a live offer.</summary>
    public string RebuildCustomerCounts { get; }

    /// <summary>Which of <c>@ids</c> are in the offer's audience.</summary>
    public string AudienceOf { get; }

    /// <summary>Which of <c>@ids</c> had a coupon of one of <c>@offers</c> since <c>@since</c>, with the first such offer.</summary>
    public string PastIssuals { get; }

    /// <summary>The count and last issual of each of <c>@ids</c> for the offer.</summary>
    public string CustomerCounts { get; }

    /// <summary>The offer's issued count, its row locked until the transaction ends where the provider locks rows.</summary>
    public string SeriesIssued { get; }

    /// <summary>Adds <c>@n</c> to the offer's issued count and returns the new total.</summary>
    public string AddIssued { get; }

    public string CustomerCountUpsert { get; }

    /// <summary>The valid coupon each of <c>@ids</c> already holds (at <c>@now</c>), oldest first.</summary>
    public string ExistingCodes { get; }

    /// <summary>Unissued codes left in an uploaded pool.</summary>
    public string UnissuedLeft { get; }

    /// <summary>The bulk run @r's checkpoint, its row locked until the chunk commits where the provider locks rows (one node per chunk).</summary>
    public string RunCheckpoint { get; }

    public string RunAdvance { get; }

    /// <summary>The next <c>@size</c> customers after <c>@after</c> in user-id order, optionally registered from <c>@from</c> / to <c>@to</c>.</summary>
    public static string AudienceChunk(bool from, bool to) =>
        $"""
        SELECT c."UserId" FROM "Customers" c WHERE c."UserId" > @after{(from ? """ AND c."RegisteredOn" >= @from""" : "")}{(to ? """ AND c."RegisteredOn" <= @to""" : "")}
        ORDER BY c."UserId" LIMIT @size
        """;
}
