using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// The "N remain" alert's statement: the alert record is keyed by (offer, total limit, threshold), so of every path that
/// crosses the threshold only the first writes it, and only that one goes on to write the e-mails.
/// </summary>
internal sealed class IssualAlertStatements
{
    private static readonly StatementCache<IssualAlertStatements> Cache = new(d => new(d));

    private IssualAlertStatements(ISqlDialect d)
    {
        Raise = """
            INSERT INTO "IssualAlerts" ("OfferId", "TotalLimit", "Threshold", "Remaining", "RaisedAt") VALUES (@o, @limit, @threshold, @r, @now)
            ON CONFLICT DO NOTHING
            """;
    }

    public static IssualAlertStatements For(ISqlDialect d) => Cache.For(d);

    /// <summary>Records the alert of offer @o for @limit and @threshold, with @r remaining at @now; one row written when this call
    /// raised it, none when it was raised before.</summary>
    public string Raise { get; }
}
