using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Benchmarks;

internal sealed class BenchDbFactory(string connectionString) : IDbContextFactory<CouponDbContext>
{
    public string ConnectionString => connectionString;

    /// <summary>A migrated database file in WAL mode at <paramref name="path"/>, as the app prepares its own.</summary>
    public static async Task<BenchDbFactory> MigratedAsync(string path)
    {
        var factory = new BenchDbFactory(SqliteSetup.ResolveConnectionString($"Data Source={path}", Environment.CurrentDirectory));
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync();
        await SqliteSetup.EnableWalAsync(db);
        return factory;
    }

    public CouponDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<CouponDbContext>().UseCouponSqlite(connectionString).Options);
}
