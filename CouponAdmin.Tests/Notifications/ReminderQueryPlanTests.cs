using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using CouponAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Notifications;

/// <summary>
/// The reminder scan must stay a seek in the partial index on (OfferId, ExpiresAt): SQLite only uses a partial index when
/// the query repeats its condition, and each chunk must start at its first coupon (ExpiresAt = x AND rowid &gt; n), or a
/// million-coupon expiry day is read from its start once per chunk.
/// </summary>
public sealed class ReminderQueryPlanTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task EachChunkSeeksItsFirstCouponInThePartialExpiryIndex()
    {
        var plan = await PlanAsync(db => ReminderStatements.For(db.Dialect).ChunkEnd, "@o", "@expiresAt", "@afterId", "@skip");

        Assert.Contains("USING INDEX IX_Coupons_Reminders (OfferId=? AND ExpiresAt=? AND rowid>?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNextExpiryOfADayIsASeekInThePartialExpiryIndex()
    {
        var plan = await PlanAsync(db => ReminderStatements.For(db.Dialect).NextExpiry, "@o", "@from", "@to");

        Assert.Contains("USING INDEX IX_Coupons_Reminders (OfferId=? AND ExpiresAt>? AND ExpiresAt<?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    private async Task<string> PlanAsync(Func<CouponDbContext, string> query, params string[] parameters)
    {
        await using var db = _database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + query(db);
        foreach (var name in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = 1L;
            cmd.Parameters.Add(p);
        }

        var plan = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join(" | ", plan);
    }
}
