using System.Data.Common;
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

    public bool SingleWriter => false;

    public DbConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    public bool IsUniqueViolation(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation };

    public Task BeginBulkAsync(CouponDbContext db, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.OpenConnectionAsync(db.Database, ct);

    public Task EndBulkAsync(CouponDbContext db) => Task.CompletedTask;
}
