using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// Naming the redemption that already stands for a point-of-sale transaction, for the refusal of a repeat: the unique
/// index on <c>Redemptions (OfferId, TransactionId, Code) WHERE Active</c> decided; this only says which row it was.
/// The condition repeats the index's, so the partial index answers it.
/// </summary>
internal sealed class DuplicateTransactionStatements
{
    private static readonly StatementCache<DuplicateTransactionStatements> Cache = new(d => new(d));

    private DuplicateTransactionStatements(ISqlDialect d)
    {
        Standing = $"""
            SELECT "Id" FROM "Redemptions" WHERE "OfferId" = @o AND "Code" = @code AND "TransactionId" = @tx AND "Active" = {d.Bool(true)} LIMIT 1
            """;
    }

    public static DuplicateTransactionStatements For(ISqlDialect d) => Cache.For(d);

    /// <summary>The id of the active redemption of code @code of offer @o in POS transaction @tx, or nothing.</summary>
    public string Standing { get; }
}
