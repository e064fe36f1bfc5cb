using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Support;

/// <summary>A migrated SQLite file in a temp folder, deleted on dispose: the real provider, never EF's InMemory.</summary>
public sealed class TestDatabase : IDbContextFactory<CouponDbContext>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("couponadmin-test-").FullName;

    public TestDatabase()
    {
        ConnectionString = SqliteSetup.ResolveConnectionString($"Data Source={Path.Combine(_folder, "test.db")}", _folder);
        using var db = CreateDbContext();
        db.Database.Migrate();
        SqliteSetup.EnableWalAsync(db).GetAwaiter().GetResult();
    }

    public string ConnectionString { get; }

    public CouponDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<CouponDbContext>().UseCouponSqlite(ConnectionString).Options);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A lingering handle only leaves a temp folder behind.
        }
    }
}
