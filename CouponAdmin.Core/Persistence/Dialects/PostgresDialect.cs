using System.Data.Common;
using CouponAdmin.Core.Issuance;
using Npgsql;

namespace CouponAdmin.Core.Persistence.Dialects;

/// <summary>
/// PostgreSQL: lists as arrays read by <c>unnest</c>, native booleans, row locks for concurrent writers. Instants are UTC
/// ticks (<c>bigint</c>) as on SQLite (docs/decisions.md, "PostgreSQL"), so statements bind and compare the same values.
/// </summary>
internal sealed class PostgresDialect : ISqlDialect
{
    public static PostgresDialect Instance { get; } = new();

    public string ListTable(string parameter, string alias) => $"unnest({parameter}) AS {alias}(value)";

    public string ListSubquery(string parameter) => $"SELECT unnest({parameter})";

    public object List<T>(IEnumerable<T> values) => values.ToArray();

    public object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset at => at.UtcTicks,
        _ => value,
    };

    public DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public string Bool(bool value) => value ? "TRUE" : "FALSE";

    public string ForUpdate => " FOR UPDATE";

    public string ForUpdateSkipLocked => " FOR UPDATE SKIP LOCKED";

    public string? KeyLock => "SELECT pg_advisory_xact_lock(hashtextextended(@lock, 0))";

    // Enough that the POS path's 16 writers of one node rarely meet on one row; readers sum a day's rows.
    public int CounterSlots => 16;

    public bool SingleWriter => false;

    public DbConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    // 40001 serialization failure, 40P01 deadlock; XX000 "new multixact has more than one updating member", which PostgreSQL
    // 15 raised for one coupon's row share-locked by many foreign-key checks while updated (the redemption now locks the row
    // first, docs/decisions.md, "Several writers, the same answers") and which a new attempt does not meet.
    public bool IsTransient(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException) is { } e
        && (e.SqlState is "40001" or "40P01" || (e.SqlState == "XX000" && e.MessageText.Contains("multixact", StringComparison.Ordinal)));

    public bool IsUniqueViolation(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation };

    public ICouponRowWriter CouponRows(CouponDbContext db, CouponBatch batch) => new PostgresCouponCopy(db, batch);

    public Task BeginBulkAsync(CouponDbContext db, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.OpenConnectionAsync(db.Database, ct);

    public Task EndBulkAsync(CouponDbContext db) => Task.CompletedTask;
}
