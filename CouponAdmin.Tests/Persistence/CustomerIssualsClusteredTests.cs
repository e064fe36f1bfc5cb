using CouponAdmin.Core.Persistence;
using CouponAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CouponAdmin.Tests.Persistence;

/// <summary>The migration that stores per-customer issual counts as a clustered (WITHOUT ROWID) table keeps every row.</summary>
public sealed class CustomerIssualsClusteredTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task TheTableIsClusteredOnItsKey()
    {
        await using var db = _database.CreateDbContext();

        Assert.Contains("WITHOUT ROWID", await TableSqlAsync(db), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RowsWrittenBeforeTheMigrationSurviveItAndItsReversal()
    {
        await using var db = _database.CreateDbContext();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("Uploads");
        Assert.DoesNotContain("WITHOUT ROWID", await TableSqlAsync(db), StringComparison.OrdinalIgnoreCase);
        // The counts table has no foreign key, so no offer or customer is needed for its rows.
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "CustomerIssuals" ("OfferId", "CustomerId", "Count", "LastIssuedAt") VALUES (7, 1001, 2, 638000000000000000), (7, 1002, 1, NULL)""");

        await migrator.MigrateAsync();

        Assert.Contains("WITHOUT ROWID", await TableSqlAsync(db), StringComparison.OrdinalIgnoreCase);
        var rows = await db.CustomerIssuals.AsNoTracking().OrderBy(c => c.CustomerId).ToListAsync();
        Assert.Equal([(1001L, 2), (1002L, 1)], rows.Select(r => (r.CustomerId, r.Count)));
        Assert.Null(rows[1].LastIssuedAt);
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            db.Database.ExecuteSqlRawAsync("""INSERT INTO "CustomerIssuals" ("OfferId", "CustomerId", "Count") VALUES (7, 1001, 5)"""));
    }

    private static async Task<string> TableSqlAsync(CouponDbContext db) =>
        await db.Database.SqlQueryRaw<string>("""SELECT "sql" AS "Value" FROM sqlite_master WHERE "type" = 'table' AND "name" = 'CustomerIssuals'""").SingleAsync();
}
