using CouponAdmin.Core.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CouponAdmin.Benchmarks;

/// <summary>Set-up shared by the benchmarks: customers 1..N written straight into a migrated database (with an e-mail and a name when asked).</summary>
internal static class BenchCustomers
{
    /// <summary>Customers 1..N on either provider (not timed by any benchmark).</summary>
    public static Task InsertAsync(CouponDatabase database, long count, bool withEmail = false) =>
        database.Provider == DatabaseProvider.Postgres
            ? InsertPostgresAsync(database.ConnectionString, count, withEmail)
            : InsertAsync(database.ConnectionString, count, withEmail);

    public static async Task InsertAsync(string connectionString, long count, bool withEmail = false)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout=30000;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = withEmail
            ? """INSERT INTO "Customers" ("UserId", "TransactionCount", "Email", "Name") VALUES (@id, 0, 'member' || @id || '@bench.example', 'Member ' || @id)"""
            : """INSERT INTO "Customers" ("UserId", "TransactionCount") VALUES (@id, 0)""";
        var id = cmd.Parameters.Add("@id", SqliteType.Integer);
        cmd.Prepare();
        for (long i = 1; i <= count; i++)
        {
            id.Value = i;
            await cmd.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }

    /// <summary>
    /// One <c>INSERT … SELECT generate_series</c> on the server instead of N round trips; then <c>ANALYZE</c>, so the
    /// timed part is planned on the statistics autovacuum would have gathered for a table loaded long before.
    /// </summary>
    private static async Task InsertPostgresAsync(string connectionString, long count, bool withEmail)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandTimeout = 0;
        cmd.CommandText = withEmail
            ? """INSERT INTO "Customers" ("UserId", "TransactionCount", "Email", "Name") SELECT g, 0, 'member' || g || '@bench.example', 'Member ' || g FROM generate_series(1::bigint, @count) AS g"""
            : """INSERT INTO "Customers" ("UserId", "TransactionCount") SELECT g, 0 FROM generate_series(1::bigint, @count) AS g""";
        cmd.Parameters.AddWithValue("count", count);
        await cmd.ExecuteNonQueryAsync();
        cmd.Parameters.Clear();
        cmd.CommandText = """ANALYZE "Customers" """;
        await cmd.ExecuteNonQueryAsync();
    }
}
