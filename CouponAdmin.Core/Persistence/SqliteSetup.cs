using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CouponAdmin.Core.Persistence;

/// <summary>SQLite defaults for a busy single file: WAL, a busy timeout, and NORMAL sync (safe under WAL).</summary>
public static class SqliteSetup
{
    public const int BusyTimeoutMs = 10_000;

    public static TBuilder UseCouponSqlite<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder =>
        (TBuilder)options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(CouponDbContext).Assembly.FullName))
            .AddInterceptors(PragmaInterceptor.Instance);

    /// <summary>Resolves a relative <c>Data Source</c> against the content root and makes its folder.</summary>
    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/couponadmin.db" : configured);
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal) && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        builder.Pooling = true;
        builder.DefaultTimeout = BusyTimeoutMs / 1000;
        return builder.ToString();
    }

    /// <summary>WAL is a property of the file; set it once at start-up.</summary>
    public static async Task EnableWalAsync(CouponDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>A connection outside EF (the point-of-sale path keeps its own open), with the same settings as the context's.</summary>
    internal static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        PragmaInterceptor.Apply(connection);
        return connection;
    }

    private sealed class PragmaInterceptor : DbConnectionInterceptor
    {
        public static readonly PragmaInterceptor Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        // Pooled connections keep their native handle, and with it these settings: apply them once per handle.
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Applied = [];
        private static readonly object Marker = new();

        public static void Apply(DbConnection connection)
        {
            var handle = (connection as SqliteConnection)?.Handle;
            if (handle is not null && Applied.TryGetValue(handle, out _))
            {
                return;
            }

            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
            cmd.ExecuteNonQuery();
            if (handle is not null)
            {
                Applied.AddOrUpdate(handle, Marker);
            }
        }
    }
}
