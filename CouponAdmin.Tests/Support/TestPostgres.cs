using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CouponAdmin.Tests.Support;

/// <summary>
/// The PostgreSQL leg of the tests: when <c>COUPONADMIN_TEST_POSTGRES</c> holds a connection string to a server, every
/// <see cref="TestDatabase"/> and <see cref="CouponAdminFactory"/> gets a fresh database of its own there
/// (<c>couponadmin_test_…</c>), copied from one migrated template per test run, and drops it when disposed. Without it,
/// everything runs on SQLite files as before. <c>./test.sh</c> sets it for its second leg (docs/operations.md).
/// </summary>
public static class TestPostgres
{
    public const string Variable = "COUPONADMIN_TEST_POSTGRES";
    public const string DatabasePrefix = "couponadmin_test_";

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The server's connection string, or null when the tests run on SQLite.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool Enabled => Server is not null;

    /// <summary>A fresh database with every migration applied; its connection string.</summary>
    public static string CreateMigrated(string name) => Create(name, Template.Value);

    /// <summary>A fresh, empty database (no tables); its connection string.</summary>
    public static string CreateEmpty(string name) => Create(name, template: null);

    /// <summary>Whether the database exists (a data folder handed from one host to the next names one).</summary>
    public static bool Exists(string name) =>
        Admin($"SELECT 1 FROM pg_database WHERE datname = '{name}'", scalar: true) is not null;

    public static void Drop(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        Admin($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
    }

    public static string ConnectionString(string name) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = name, IncludeErrorDetail = true, Timeout = 60, CommandTimeout = 120 }.ConnectionString;

    private static string Create(string name, string? template)
    {
        Admin(template is null ? $"""CREATE DATABASE "{name}" """ : $"""CREATE DATABASE "{name}" TEMPLATE "{template}" """);
        return ConnectionString(name);
    }

    /// <summary>
    /// Migrating takes longer than copying a database: the run migrates one template and copies it for each test. Its name
    /// carries the process id, and it is dropped when the test process ends (<c>./test.sh</c> drops any a killed run left).
    /// </summary>
    private static string CreateTemplate()
    {
        // PostgreSQL keeps 63 bytes of a name; a short process id makes a shorter one.
        var name = $"{DatabasePrefix}template_{Environment.ProcessId}_{Guid.NewGuid():N}";
        name = name[..Math.Min(name.Length, 63)];
        Create(name, template: null);
        var options = new DbContextOptionsBuilder<CouponDbContext>().UseCouponPostgres(ConnectionString(name)).Options;
        using (var db = new CouponDbContext(options))
        {
            db.Database.Migrate();
        }

        // A template cannot be copied while anyone is connected to it.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(name);
        return name;
    }

    private static object? Admin(string sql, bool scalar = false)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return scalar ? command.ExecuteScalar() : command.ExecuteNonQuery();
    }
}
