using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CouponAdmin.Core.Persistence;

/// <summary>
/// PostgreSQL through Npgsql, with its own migrations in the assembly <see cref="MigrationsAssembly"/> (EF's pattern for
/// several providers: one migration set per provider, kept in step by a test that compares the two models).
/// </summary>
public static class PostgresSetup
{
    public const string MigrationsAssembly = "CouponAdmin.Migrations.Postgres";

    public static TBuilder UseCouponPostgres<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder =>
        (TBuilder)options.UseNpgsql(connectionString, o => o.MigrationsAssembly(MigrationsAssembly));

    /// <summary>A connection outside EF (raw paths that keep their own), from Npgsql's pool for this connection string.</summary>
    internal static NpgsqlConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }
}
