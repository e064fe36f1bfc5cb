using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// In-process contexts for the benchmarks that call the product's services directly (issue, upload, dashboard,
/// reminders), configured by <see cref="CouponDatabase.Configure{TBuilder}"/> exactly as the app configures its own, so
/// the same provider, migration set and connection settings are measured.
/// </summary>
internal sealed class BenchDbFactory(CouponDatabase database) : IDbContextFactory<CouponDbContext>
{
    public CouponDatabase Database => database;

    public string ConnectionString => database.ConnectionString;

    /// <summary>A migrated database file in WAL mode at <paramref name="path"/>, as the app prepares its own.</summary>
    public static Task<BenchDbFactory> MigratedAsync(string path) =>
        MigratedAsync(new CouponDatabase(DatabaseProvider.Sqlite, SqliteSetup.ResolveConnectionString($"Data Source={path}", Environment.CurrentDirectory)));

    /// <summary>
    /// The database brought to the app's schema by the app's own step (<see cref="DatabaseMigration"/>: on PostgreSQL
    /// under its advisory lock, with the PostgreSQL migration set; on SQLite, then WAL), as a node does at start-up.
    /// </summary>
    public static async Task<BenchDbFactory> MigratedAsync(CouponDatabase database)
    {
        var factory = new BenchDbFactory(database);
        await DatabaseMigration.MigrateAsync(factory);
        return factory;
    }

    public CouponDbContext CreateDbContext() =>
        new(database.Configure(new DbContextOptionsBuilder<CouponDbContext>()).Options);
}
