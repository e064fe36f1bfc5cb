using CouponAdmin.Core.Notifications;
using CouponAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Notifications;

/// <summary>
/// The reminder scan must stay a range scan of the partial index on (OfferId, ExpiresAt): SQLite only uses a partial
/// index when the query repeats its condition, so a reworded filter would silently become a scan of every coupon.
/// </summary>
public sealed class ReminderQueryPlanTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task TheReminderScanSeeksThePartialExpiryIndex()
    {
        await using var db = _database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = $"""
            EXPLAIN QUERY PLAN SELECT c."ExpiresAt", c."Id" FROM "Coupons" c WHERE {ReminderWriter.Filter}
            ORDER BY c."ExpiresAt", c."Id" LIMIT 1 OFFSET 10
            """;
        foreach (var name in new[] { "@o", "@from", "@to", "@afterAt", "@afterId" })
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = 1L;
            cmd.Parameters.Add(p);
        }

        var plan = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        var detail = string.Join(" | ", plan);
        Assert.Contains("USING INDEX IX_Coupons_Reminders", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", detail, StringComparison.Ordinal);
    }
}
