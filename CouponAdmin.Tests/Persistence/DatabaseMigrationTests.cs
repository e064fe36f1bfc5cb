using CouponAdmin.Core.Persistence;
using CouponAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Persistence;

/// <summary>
/// Nodes starting together on one new database: each runs the migration step, one applies the migrations and the others
/// wait for it and find nothing left (on PostgreSQL through the advisory lock), and every fix-up runs after the schema.
/// </summary>
public sealed class DatabaseMigrationTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Unmigrated();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ThreeNodesMigratingAtOnceApplyEachMigrationOnce()
    {
        var fixUps = 0;
        var nodes = Enumerable.Range(0, 3).Select(_ => Task.Run(() => DatabaseMigration.MigrateAsync(_database, async (db, ct) =>
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
            Interlocked.Increment(ref fixUps);
        })));

        var applied = await Task.WhenAll(nodes);

        await using var db = _database.CreateDbContext();
        var all = db.Database.GetMigrations().ToList();
        Assert.Equal(all, applied.Single(a => a.Count > 0));
        Assert.Equal(2, applied.Count(a => a.Count == 0));
        Assert.Equal(3, fixUps);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
    }
}
