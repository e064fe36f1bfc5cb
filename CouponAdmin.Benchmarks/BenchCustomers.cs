using Microsoft.Data.Sqlite;

namespace CouponAdmin.Benchmarks;

/// <summary>Set-up shared by the benchmarks: customers 1..N written straight into a migrated database file (with an e-mail and a name when asked).</summary>
internal static class BenchCustomers
{
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
}
