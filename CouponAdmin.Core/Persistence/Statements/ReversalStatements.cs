using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// Reversing a redemption: the row is kept and marked inactive, conditionally, so of two racing reversals one marks it
/// and the other finds it done (and gives no counts back).
/// </summary>
internal sealed class ReversalStatements
{
    private static readonly StatementCache<ReversalStatements> Cache = new(d => new(d));

    private ReversalStatements(ISqlDialect d)
    {
        MarkReversed = $"""UPDATE "Redemptions" SET "Active" = {d.Bool(false)}, "ReversedAt" = @now WHERE "Id" = @id AND "Active" = {d.Bool(true)}""";
    }

    public static ReversalStatements For(ISqlDialect d) => Cache.For(d);

    /// <summary>Marks redemption @id reversed at @now if it still stands; one row when this call reversed it.</summary>
    public string MarkReversed { get; }
}
