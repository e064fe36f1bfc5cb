using Npgsql;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// The PostgreSQL server a benchmark runs against (<c>--pg</c>): each run makes a database of its own there, named
/// <c>couponadmin_bench_…</c> so a run never touches another's (or the tests' <c>couponadmin_test_…</c>), and drops it
/// with <c>WITH (FORCE)</c> afterwards, so connections the app nodes or this process still hold do not keep it alive.
/// </summary>
internal static class BenchPostgres
{
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
    public const string DatabasePrefix = "couponadmin_bench_";

    /// <summary>Creates an empty database (no tables: the app's own migrations make them); its connection string.</summary>
    public static async Task<string> CreateAsync(string server, string name)
    {
        await AdminAsync(server, $"""CREATE DATABASE "{name}" """);
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task DropAsync(string server, string name)
    {
        // This process's pooled connections to it would otherwise be closed under Npgsql's feet by FORCE.
        NpgsqlConnection.ClearAllPools();
        await AdminAsync(server, $"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
    }

    /// <summary>Where the server is, for the report: host and port, never the password.</summary>
    public static string Describe(string server)
    {
        var builder = new NpgsqlConnectionStringBuilder(server);
        return $"{builder.Host}:{builder.Port}";
    }

    /// <summary>Statements about databases run on the maintenance database, on a connection outside any pool.</summary>
    private static async Task AdminAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
