using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// The yardstick of the PostgreSQL bulk issue: the same coupon rows the product just wrote, read back into memory (not
/// timed), then written by one raw binary <c>COPY</c> in one transaction into an empty twin of the coupons table — made
/// <c>LIKE "Coupons" INCLUDING ALL</c>, so the same columns, collation, identity and every index with its filter, plus the
/// same foreign key to the offers. No decisions, no counters, no checkpoints: the fastest the server takes these rows.
/// </summary>
internal static class CopyYardstick
{
    private const string Twin = "CouponsCopyYardstick";

    // The coupon columns written out again rather than taken from the product's statements (internal to Core): the
    // yardstick stays independent of the code it measures, and a column the product forgot would show as a failed COPY.
    private const string Columns = """
        "OfferId", "Code", "IsShared", "CodeSpaceId", "CodeIndex", "CustomerId", "Status", "IssuedAt", "ExpiresAt", "RedemptionCount", "LastStatusChangeAt", "TransferSeq"
        """;

    /// <summary>Copies the offer's coupons into the twin table; the rate in rows a second, timed around the COPY and its commit.</summary>
    public static async Task<double> RunAsync(string connectionString, long offerId)
    {
        // Completing a COPY of millions of rows takes longer than the default 30 s command timeout.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"""
            DROP TABLE IF EXISTS "{Twin}";
            CREATE TABLE "{Twin}" (LIKE "Coupons" INCLUDING ALL);
            ALTER TABLE "{Twin}" ADD FOREIGN KEY ("OfferId") REFERENCES "Offers" ("Id") ON DELETE RESTRICT;
            """);
        var rows = await ReadRowsAsync(connection, offerId);

        var watch = Stopwatch.StartNew();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await using (var copy = await connection.BeginBinaryImportAsync($"""COPY "{Twin}" ({Columns}) FROM STDIN (FORMAT BINARY)"""))
            {
                foreach (var row in rows)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(row.OfferId, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(row.Code, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(row.IsShared, NpgsqlDbType.Boolean);
                    await WriteAsync(copy, row.CodeSpaceId);
                    await WriteAsync(copy, row.CodeIndex);
                    await WriteAsync(copy, row.CustomerId);
                    await copy.WriteAsync(row.Status, NpgsqlDbType.Varchar);
                    await WriteAsync(copy, row.IssuedAt);
                    await WriteAsync(copy, row.ExpiresAt);
                    await copy.WriteAsync(row.RedemptionCount, NpgsqlDbType.Integer);
                    await copy.WriteAsync(row.LastStatusChangeAt, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(row.TransferSeq, NpgsqlDbType.Integer);
                }

                await copy.CompleteAsync();
            }

            await tx.CommitAsync();
        }

        watch.Stop();
        await ExecuteAsync(connection, $"""DROP TABLE "{Twin}" """);
        return rows.Count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<List<Row>> ReadRowsAsync(NpgsqlConnection connection, long offerId)
    {
        var rows = new List<Row>();
        await using var cmd = new NpgsqlCommand($"""SELECT {Columns} FROM "Coupons" WHERE "OfferId" = @o ORDER BY "Id" """, connection);
        cmd.Parameters.AddWithValue("o", offerId);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetInt64(0), reader.GetString(1), reader.GetBoolean(2), Nullable(reader, 3), Nullable(reader, 4), Nullable(reader, 5),
                reader.GetString(6), Nullable(reader, 7), Nullable(reader, 8), reader.GetInt32(9), reader.GetInt64(10), reader.GetInt32(11)));
        }

        return rows;
    }

    private static long? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private static Task WriteAsync(NpgsqlBinaryImporter copy, long? value) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Bigint) : copy.WriteNullAsync();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    private readonly record struct Row(long OfferId, string Code, bool IsShared, long? CodeSpaceId, long? CodeIndex, long? CustomerId, string Status, long? IssuedAt,
        long? ExpiresAt, int RedemptionCount, long LastStatusChangeAt, int TransferSeq);
}
