using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Persistence;

/// <summary>
/// Which database the app runs on and where it is: the one choice every context, raw connection and start-up step reads,
/// so no code further in asks the configuration again (docs/decisions.md, "PostgreSQL").
/// </summary>
public sealed record CouponDatabase(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>Whether the database lets one writer in at a time (SQLite): then the write gate and group commit apply.</summary>
    public bool SingleWriter => Provider == DatabaseProvider.Sqlite;

    /// <summary>Parses <c>Database:Provider</c> (<c>Sqlite</c> when empty); anything else stops start-up naming the value.</summary>
    public static DatabaseProvider ParseProvider(string? configured) => configured?.Trim() switch
    {
        null or "" => DatabaseProvider.Sqlite,
        var p when p.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Sqlite,
        var p when p.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || p.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Postgres,
        var p => throw new InvalidOperationException($"Database:Provider '{p}' is not known: use Sqlite or Postgres."),
    };

    /// <summary>The context options for this database (provider, its migrations, its connection settings).</summary>
    public TBuilder Configure<TBuilder>(TBuilder options)
        where TBuilder : DbContextOptionsBuilder => Provider switch
    {
        DatabaseProvider.Postgres => options.UseCouponPostgres(ConnectionString),
        _ => options.UseCouponSqlite(ConnectionString),
    };

    /// <summary>
    /// The database a context was made for: for code that holds a context factory and keeps raw connections beside it
    /// (the point-of-sale path), so it opens them for the same provider.
    /// </summary>
    public static CouponDatabase Of(CouponDbContext db) => new(
        db.Database.ProviderName == Dialects.SqlDialects.PostgresProvider ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
        db.Database.GetConnectionString() ?? "");

    /// <summary>An open connection outside EF, with the same settings a context's connection gets.</summary>
    public DbConnection OpenConnection() => Provider switch
    {
        DatabaseProvider.Postgres => PostgresSetup.Open(ConnectionString),
        _ => SqliteSetup.Open(ConnectionString),
    };
}
