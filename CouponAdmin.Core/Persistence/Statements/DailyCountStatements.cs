using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// The per-day counts' one statement: an upsert that adds to the day's row, so a change of any size is one statement in
/// its own transaction. The added-to columns are qualified with the table, since PostgreSQL finds a bare name in
/// <c>DO UPDATE</c> ambiguous between the row and <c>excluded</c>.
/// </summary>
internal sealed class DailyCountStatements
{
    private static readonly StatementCache<DailyCountStatements> Cache = new(d => new(d));

    private DailyCountStatements(ISqlDialect d)
    {
        Add = """
            INSERT INTO "OfferDailyCounts" ("OfferId", "Day", "Slot", "Issued", "Redeemed", "Reversed", "Revoked") VALUES (@o, @day, @slot, @i, @r, @v, @k)
            ON CONFLICT ("OfferId", "Day", "Slot") DO UPDATE SET "Issued" = "OfferDailyCounts"."Issued" + excluded."Issued",
                "Redeemed" = "OfferDailyCounts"."Redeemed" + excluded."Redeemed", "Reversed" = "OfferDailyCounts"."Reversed" + excluded."Reversed",
                "Revoked" = "OfferDailyCounts"."Revoked" + excluded."Revoked"
            """;
    }

    public static DailyCountStatements For(ISqlDialect d) => Cache.For(d);

    /// <summary>Adds @i issued, @r redeemed, @v reversed and @k revoked to offer @o's counts of org day @day (a date), in its row @slot.</summary>
    public string Add { get; }
}
