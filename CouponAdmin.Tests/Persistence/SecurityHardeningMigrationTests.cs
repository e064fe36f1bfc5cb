using CouponAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CouponAdmin.Tests.Persistence;

/// <summary>
/// Migration SecurityHardening on a database with data: every API key gets a random public id and loses its stored
/// prefix of the secret, the old bootstrap key is marked so start-up can retire it, and upload idempotency records
/// keep replaying.
/// </summary>
public sealed class SecurityHardeningMigrationTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ExistingKeysAndIdempotencyRecordsAreCarriedOver()
    {
        await using var db = _database.CreateDbContext();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("CustomerIssualsClustered");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "ApiKeys" ("Name", "Hash", "Prefix", "Scopes", "CreatedAt") VALUES
                ('Bootstrap key', 'h1', 'prod-key', '["admin","issue","redeem"]', 638000000000000000),
                ('Till 1', 'h2', 'ca_1a2b3', '["redeem"]', 638000000000000000),
                ('Till 2', 'h3', 'ca_9f8e7', '["redeem"]', 638000000000000000);
            INSERT INTO "IdempotencyRecords" ("Key", "RequestHash", "Outcome", "CreatedAt") VALUES
                ('upload-7-row-2', 'r1', '{{}}', 638000000000000000),
                ('pos-42', 'r2', '{{}}', 638000000000000000);
            """);

        await migrator.MigrateAsync();

        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync();
        Assert.All(keys, k => Assert.Matches("^key_[0-9a-f]{8}$", k.PublicId));
        Assert.Equal(3, keys.Select(k => k.PublicId).Distinct().Count());
        Assert.Equal([true, false, false], keys.Select(k => k.IsBootstrap));
        var columns = await db.Database.SqlQueryRaw<string>("""SELECT "name" AS "Value" FROM pragma_table_info('ApiKeys')""").ToListAsync();
        Assert.DoesNotContain("Prefix", columns);
        var records = await db.IdempotencyRecords.AsNoTracking().OrderBy(r => r.Key).ToListAsync();
        Assert.Equal([("", "pos-42"), ("upload", "upload-7-row-2")], records.Select(r => (r.Scope, r.Key)));
    }

    [Fact]
    public async Task TheMigrationCanBeReversed()
    {
        await using var db = _database.CreateDbContext();
        var migrator = db.GetService<IMigrator>();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "ApiKeys" ("Name", "Hash", "PublicId", "IsBootstrap", "Scopes", "CreatedAt") VALUES ('Till', 'h', 'key_00aa11bb', 0, '["redeem"]', 1);
            INSERT INTO "IdempotencyRecords" ("Scope", "Key", "RequestHash", "Outcome", "CreatedAt") VALUES
                ('api-key:1', 'same', 'r1', '{{}}', 1), ('api-key:2', 'same', 'r2', '{{}}', 2);
            """);

        await migrator.MigrateAsync("CustomerIssualsClustered");

        Assert.Equal("key_00aa11bb", await db.Database.SqlQueryRaw<string>("""SELECT "Prefix" AS "Value" FROM "ApiKeys" """).SingleAsync());
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM "IdempotencyRecords" """).SingleAsync());
    }
}
