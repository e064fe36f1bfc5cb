using System.Data.Common;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Support;

/// <summary>
/// A migrated database of its own, removed on dispose: the real provider, never EF's InMemory. A SQLite file in a temp
/// folder, or a fresh PostgreSQL database when <see cref="TestPostgres.Variable"/> names a server (the PostgreSQL leg).
/// </summary>
public sealed class TestDatabase : IDbContextFactory<CouponDbContext>, IDisposable
{
    private readonly string? _folder;
    private readonly string? _postgresName;

    public TestDatabase()
        : this(migrated: true)
    {
    }

    private TestDatabase(bool migrated)
    {
        if (TestPostgres.Enabled)
        {
            _postgresName = $"{TestPostgres.DatabasePrefix}{Guid.NewGuid():N}";
            Database = new CouponDatabase(DatabaseProvider.Postgres,
                migrated ? TestPostgres.CreateMigrated(_postgresName) : TestPostgres.CreateEmpty(_postgresName));
            return;
        }

        _folder = Directory.CreateTempSubdirectory("couponadmin-test-").FullName;
        Database = new CouponDatabase(DatabaseProvider.Sqlite,
            SqliteSetup.ResolveConnectionString($"Data Source={Path.Combine(_folder, "test.db")}", _folder));
        if (migrated)
        {
            using var db = CreateDbContext();
            db.Database.Migrate();
            SqliteSetup.EnableWalAsync(db).GetAwaiter().GetResult();
        }
    }

    /// <summary>A database with no tables yet, for tests of migrating itself.</summary>
    public static TestDatabase Unmigrated() => new(migrated: false);

    public CouponDatabase Database { get; }

    public DatabaseProvider Provider => Database.Provider;

    public string ConnectionString => Database.ConnectionString;

    public CouponDbContext CreateDbContext() => new(Database.Configure(new DbContextOptionsBuilder<CouponDbContext>()).Options);

    /// <summary>An open connection outside EF, to look at or change what the app wrote as the database holds it.</summary>
    public DbConnection OpenConnection() => Database.OpenConnection();

    public void Dispose()
    {
        if (_postgresName is not null)
        {
            TestPostgres.Drop(_postgresName);
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder!, recursive: true);
        }
        catch (IOException)
        {
            // A lingering handle only leaves a temp folder behind.
        }
    }
}
