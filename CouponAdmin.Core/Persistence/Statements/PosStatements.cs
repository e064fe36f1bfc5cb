using System.Collections.Concurrent;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// The point-of-sale path's reads: the config version, and the one statement that reads a code's coupons with the
/// customer and the version (see <c>Redemption/CouponRead</c>). Its arms are a <c>UNION ALL</c> of rows of one shape —
/// kind, then the coupon's columns — so every provider can type them: the coupon arms come first, and the version and
/// customer rows put their values in columns of the same type (the registration date as text in the code's column, the
/// transaction count in the redemption count's).
/// </summary>
internal sealed class PosStatements
{
    private static readonly StatementCache<PosStatements> Cache = new(d => new(d));

    /// <summary>The coupon's columns in the order <c>CouponRead</c> reads them, from ordinal 1.</summary>
    private const string Columns = """
        "Id", "OfferId", "Code", "IsShared", "CodeSpaceId", "CodeIndex", "CustomerId", "Status", "IssuedAt", "ExpiresAt", "RedemptionCount", "LastStatusChangeAt", "TransferSeq"
        """;

    private readonly ISqlDialect _d;
    private readonly ConcurrentDictionary<(IdentifierType, int), string> _reads = new();

    private PosStatements(ISqlDialect d) => _d = d;

    public static PosStatements For(ISqlDialect dialect) => Cache.For(dialect);

    public string Version => """SELECT "Version" FROM "ConfigVersions" """;

    /// <summary>
    /// Kind 0 is the version, 1 the customer by <c>@who</c> in the identifier's column, 2 a coupon of <c>@code</c> or of
    /// the decoded (<c>@s{i}</c>, <c>@i{i}</c>); <c>@at</c> is the instant a common code's coupon in force is judged at.
    /// The conditions match the partial indexes' own.
    /// </summary>
    public string ReadCode(IdentifierType type, int spaces) => _reads.GetOrAdd((type, spaces), k => BuildRead(k.Item1, k.Item2));

    private string BuildRead(IdentifierType type, int spaces)
    {
        var column = type switch
        {
            IdentifierType.UserId => "UserId",
            IdentifierType.Email => "Email",
            IdentifierType.Mobile => "Mobile",
            _ => "ExternalId",
        };
        var customer = $"""SELECT "UserId" FROM "Customers" WHERE "{column}" = @who""";
        var shared = $"""SELECT 2, {Columns} FROM "Coupons" WHERE "Code" = @code AND "IsShared" = {_d.Bool(true)}""";
        var inForce = $"""
            "Status" IN ({SqlLiteral.Of(CouponStatus.Issued)}, {SqlLiteral.Of(CouponStatus.Redeemed)}) AND ("ExpiresAt" IS NULL OR "ExpiresAt" >= @at)
            """;
        var sql = new List<string>
        {
            $"""SELECT 2, {Columns} FROM "Coupons" WHERE "Code" = @code AND "CodeSpaceId" IS NULL AND "IsShared" = {_d.Bool(false)}""",
            $"""SELECT * FROM ({shared} ORDER BY "Id" LIMIT 1) AS "First" """,
            $"""SELECT * FROM ({shared} AND "CustomerId" = ({customer}) ORDER BY "Id" LIMIT 1) AS "Own" """,
            $"""SELECT * FROM ({shared} AND "CustomerId" IS NOT NULL AND {inForce} ORDER BY "Id" LIMIT 1) AS "InForce" """,
            $"""SELECT * FROM ({shared} AND "CustomerId" IS NOT NULL ORDER BY "Id" LIMIT 1) AS "Held" """,
        };
        for (var i = 0; i < spaces; i++)
        {
            sql.Add($"""SELECT 2, {Columns} FROM "Coupons" WHERE "CodeSpaceId" = @s{i} AND "CodeIndex" = @i{i}""");
        }

        sql.Add("""SELECT 0, "Version", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM "ConfigVersions" """);
        sql.Add($"""
            SELECT 1, "UserId", NULL, CAST("RegisteredOn" AS TEXT), NULL, NULL, NULL, NULL, NULL, NULL, NULL, "TransactionCount", NULL, NULL
            FROM "Customers" WHERE "{column}" = @who
            """);
        return string.Join("\nUNION ALL ", sql);
    }
}
