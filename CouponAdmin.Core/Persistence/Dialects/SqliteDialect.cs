using System.Data.Common;
using CouponAdmin.Core.Issuance;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CouponAdmin.Core.Persistence.Dialects;

/// <summary>SQLite: lists as JSON arrays read by <c>json_each</c>, instants as UTC ticks, booleans as 0/1, one writer at a time.</summary>
internal sealed class SqliteDialect : ISqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    private const int ConstraintError = 19;

    // Ids first, joined to an index with CROSS JOIN: SQLite then loops over the ids and seeks the index for each.
    public string ListTable(string parameter, string alias) => $"json_each({parameter}) AS {alias}";

    public string ListSubquery(string parameter) => $"SELECT value FROM json_each({parameter})";

    public object List<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values);

    public object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset at => at.UtcTicks,
        bool b => b ? 1 : 0,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    public DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public string Bool(bool value) => value ? "1" : "0";

    public string ForUpdate => "";

    public string ForUpdateSkipLocked => "";

    public string? KeyLock => null;

    public int CounterSlots => 1;

    public bool SingleWriter => true;

    public DbConnection Open(string connectionString) => SqliteSetup.Open(connectionString);

    public bool IsTransient(Exception exception) => false;

    public bool IsUniqueViolation(Exception exception) =>
        (exception as SqliteException ?? exception.InnerException as SqliteException) is { SqliteErrorCode: ConstraintError } sqlite
        && sqlite.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase);

    /// <summary>A large page cache keeps the indexes in memory; the WAL is checkpointed once at the end instead of after every chunk.</summary>
    public ICouponRowWriter CouponRows(CouponDbContext db, CouponBatch batch) => new CouponInserter(db, batch);

    public async Task BeginBulkAsync(CouponDbContext db, CancellationToken ct)
    {
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.OpenConnectionAsync(db.Database, ct);
        await db.ExecuteAsync("PRAGMA cache_size = -262144;", ct);
        await db.ExecuteAsync("PRAGMA wal_autocheckpoint = 0;", ct);
    }

    /// <summary>Large transactions grow the WAL to the size of what they wrote: give the space back and checkpoint as usual again.</summary>
    public async Task EndBulkAsync(CouponDbContext db)
    {
        await db.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);", CancellationToken.None);
        await db.ExecuteAsync("PRAGMA wal_autocheckpoint = 1000;", CancellationToken.None);
    }
}
