using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CouponAdmin.Core.Persistence;

/// <summary>
/// Brings the database to the app's schema, by one node at a time: at start-up of every node (unless
/// <c>Database:MigrateAtStartup</c> is false) and by the <c>migrate</c> command. On PostgreSQL the whole step runs under a
/// session advisory lock held on a connection of its own, so nodes starting together migrate once and the others wait,
/// then find nothing left to do. SQLite is one machine: EF's own migration lock keeps processes apart, and a gate per
/// file keeps hosts of one process apart, so each reports only what it applied; WAL is then set on the file.
/// </summary>
public static class DatabaseMigration
{
    /// <summary>The advisory lock's key: any fixed number, the same on every node ("CouponAd" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x436F75706F6E4164;

    /// <summary>Applies every pending migration, then <paramref name="afterwards"/> (data fix-ups), inside the lock.</summary>
    /// <returns>The migrations this call applied.</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IDbContextFactory<CouponDbContext> dbFactory,
        Func<CouponDbContext, CancellationToken, Task>? afterwards = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var database = CouponDatabase.Of(db);
        await using var exclusive = database.Provider == DatabaseProvider.Postgres ? await PostgresLockAsync(db, ct) : null;
        using var gate = database.Provider == DatabaseProvider.Sqlite ? await WriteGate.EnterAsync(database.ConnectionString + ";migrations", ct) : null;
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        await SqliteSetup.EnableWalAsync(db, ct);
        if (afterwards is not null)
        {
            await afterwards(db, ct);
        }

        return pending;
    }

    /// <summary>
    /// Creates the database when it does not exist yet (a node that loses that race finds it made), then takes the lock on
    /// a connection of its own, outside the pool: closing it ends the session and so releases the lock, also when the step
    /// fails (a pooled connection would keep the session, and the lock, alive while it sits idle).
    /// </summary>
    private static async Task<DbConnection> PostgresLockAsync(CouponDbContext db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another node created it first.
            }
        }

        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT pg_advisory_lock(@key)";
            cmd.Parameters.AddWithValue("key", AdvisoryLockKey);
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
