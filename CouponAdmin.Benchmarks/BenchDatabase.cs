using System.Data.Common;
using CouponAdmin.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// The database one benchmark run works on, for either provider (<c>--provider sqlite|postgres</c>): a SQLite file, or a
/// fresh database on the PostgreSQL server of <c>--pg</c>. It gives the same <see cref="CouponDatabase"/> the app builds
/// from its configuration (so in-process contexts and raw connections match the app's), the environment that points an
/// app process at it, and removes it when disposed — after the app processes, which are disposed first.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly Func<Task> _remove;

    private BenchDatabase(CouponDatabase database, string description, IReadOnlyDictionary<string, string> appEnvironment, Func<Task> remove)
    {
        Database = database;
        Description = description;
        AppEnvironment = appEnvironment;
        _remove = remove;
    }

    public CouponDatabase Database { get; }

    public DatabaseProvider Provider => Database.Provider;

    /// <summary>Which provider ran and where, for the report's first lines.</summary>
    public string Description { get; }

    /// <summary>The configuration an app process needs to run on this database (environment variables).</summary>
    public IReadOnlyDictionary<string, string> AppEnvironment { get; }

    /// <summary><c>--provider</c>: <c>sqlite</c> (the default, as the app's) or <c>postgres</c>.</summary>
    public static DatabaseProvider ProviderFrom(Options options)
    {
        try
        {
            return CouponDatabase.ParseProvider(options.String("provider"));
        }
        catch (InvalidOperationException)
        {
            throw new ArgumentException($"--provider '{options.String("provider")}' is not known: use sqlite or postgres.");
        }
    }

    /// <summary>
    /// The run's database: on PostgreSQL a new, empty <c>couponadmin_bench_&lt;guid&gt;</c> on the server of <c>--pg</c>;
    /// on SQLite the file at <paramref name="sqlitePath"/> (deleted afterwards unless <paramref name="keepSqliteFile"/>).
    /// Neither is migrated here: the app, or <see cref="BenchDbFactory.MigratedAsync(CouponDatabase)"/>, does that.
    /// </summary>
    public static async Task<BenchDatabase> CreateAsync(Options options, string sqlitePath, bool keepSqliteFile = false) =>
        ProviderFrom(options) == DatabaseProvider.Postgres
            ? await PostgresAsync(options.String("pg") ?? BenchPostgres.DefaultServer)
            : Sqlite(sqlitePath, keepSqliteFile);

    public static BenchDatabase Sqlite(string path, bool keepFile = false)
    {
        var database = new CouponDatabase(DatabaseProvider.Sqlite, SqliteSetup.ResolveConnectionString($"Data Source={path}", Environment.CurrentDirectory));
        return new BenchDatabase(database, $"SQLite, file {path}",
            new Dictionary<string, string> { ["ConnectionStrings__CouponAdmin"] = $"Data Source={path}" },
            () =>
            {
                SqliteConnection.ClearAllPools();
                if (!keepFile)
                {
                    foreach (var f in new[] { path, path + "-wal", path + "-shm" })
                    {
                        File.Delete(f);
                    }
                }

                return Task.CompletedTask;
            });
    }

    /// <summary>Size on disk: the file (without its WAL) on SQLite, <c>pg_database_size</c> on PostgreSQL; in MB.</summary>
    public async Task<double> SizeMegabytesAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return new FileInfo(new SqliteConnectionStringBuilder(Database.ConnectionString).DataSource).Length / 1024.0 / 1024.0;
        }

        await using var connection = Database.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_database_size(current_database())";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }

    /// <summary>An open connection outside EF, with the settings the app gives its own.</summary>
    public DbConnection OpenConnection() => Database.OpenConnection();

    public async ValueTask DisposeAsync() => await _remove();

    private static async Task<BenchDatabase> PostgresAsync(string server)
    {
        var name = $"{BenchPostgres.DatabasePrefix}{Guid.NewGuid():N}";
        var connectionString = await BenchPostgres.CreateAsync(server, name);
        return new BenchDatabase(new CouponDatabase(DatabaseProvider.Postgres, connectionString),
            $"PostgreSQL, database {name} on {BenchPostgres.Describe(server)}",
            new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__CouponAdmin"] = connectionString,
            },
            () => BenchPostgres.DropAsync(server, name));
    }
}
