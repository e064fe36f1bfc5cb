using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// The stored answers of keyed point-of-sale calls: read before a redemption to replay a repeat, written in the
/// redemption's own savepoint so the answer commits with what it describes. Run on the point-of-sale session, prepared once.
/// </summary>
internal sealed class IdempotencyStatements
{
    private static readonly StatementCache<IdempotencyStatements> Cache = new(d => new(d));

    private IdempotencyStatements(ISqlDialect d)
    {
        Find = """SELECT "RequestHash", "Outcome" FROM "IdempotencyRecords" WHERE "Scope" = @scope AND "Key" = @key""";
        Remember = """
            INSERT INTO "IdempotencyRecords" ("Scope", "Key", "RequestHash", "Outcome", "CreatedAt") VALUES (@scope, @key, @hash, @outcome, @at)
            """;
    }

    public static IdempotencyStatements For(ISqlDialect d) => Cache.For(d);

    /// <summary>The request hash and stored outcome under key @key of @scope, or no row.</summary>
    public string Find { get; }

    /// <summary>Stores @outcome (JSON) and @hash under key @key of @scope, made at @at.</summary>
    public string Remember { get; }
}
