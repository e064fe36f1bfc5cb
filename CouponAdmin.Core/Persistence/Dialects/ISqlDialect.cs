using System.Data.Common;
using CouponAdmin.Core.Issuance;

namespace CouponAdmin.Core.Persistence.Dialects;

/// <summary>
/// What differs between the database providers' SQL, and nothing else: every statement is written once, in
/// <c>Persistence/Statements</c>, and asks its dialect for these few pieces. One dialect per provider, chosen once from
/// the context's provider (<see cref="SqlDialects.For"/>), never by branches in the use cases.
/// </summary>
public interface ISqlDialect
{
    /// <summary>A table of the values bound as <paramref name="parameter"/> (see <see cref="List{T}"/>), aliased <paramref name="alias"/>,
    /// whose one column is <c>{alias}.value</c>: <c>FROM {IdTable("@ids", "j")} CROSS JOIN …</c>.</summary>
    string ListTable(string parameter, string alias);

    /// <summary>The values bound as <paramref name="parameter"/> as a subquery, for <c>IN (…)</c>.</summary>
    string ListSubquery(string parameter);

    /// <summary>A list of values as the parameter <see cref="ListTable"/> reads.</summary>
    object List<T>(IEnumerable<T> values);

    /// <summary>A value as this provider's columns store it: instants as UTC ticks on every provider (docs/decisions.md), booleans and dates as the provider keeps them.</summary>
    object ToDb(object? value);

    /// <summary>An instant read back from a column <see cref="ToDb"/> wrote.</summary>
    DateTimeOffset ReadInstant(DbDataReader reader, int ordinal);

    /// <summary>The literal of a boolean column's value.</summary>
    string Bool(bool value);

    /// <summary>Row locks for a read that decides a write, where the provider lets other writers in (empty where it does not).</summary>
    string ForUpdate { get; }

    /// <summary>
    /// For a subquery choosing one row to take (the next pool code): lock it and pass over rows other writers hold, so two
    /// writers take two rows instead of queueing for one (empty where writers queue anyway).
    /// </summary>
    string ForUpdateSkipLocked { get; }

    /// <summary>
    /// A statement that holds a lock on the text bound as <c>@lock</c> until the transaction ends, so writers sharing a key
    /// (an Idempotency-Key) take turns; null where writers take turns anyway (SQLite).
    /// </summary>
    string? KeyLock { get; }

    /// <summary>
    /// Rows each day's counts of an offer are spread over (<c>OfferDailyCounts."Slot"</c>): 1 where writers take turns
    /// anyway (SQLite), several where concurrent writers would otherwise queue on one row's lock until each commits.
    /// </summary>
    int CounterSlots { get; }

    /// <summary>Whether the database lets one writer in at a time, so an in-process gate should queue writers (SQLite).</summary>
    bool SingleWriter { get; }

    /// <summary>An open connection outside EF (the point-of-sale path's pooled sessions), set up as the context's are.</summary>
    DbConnection Open(string connectionString);

    /// <summary>
    /// Whether a transaction failed only because of other writers at the same moment (a deadlock, a serialization failure) and
    /// is worth running again from the start.
    /// </summary>
    bool IsTransient(Exception exception);

    /// <summary>Whether the exception is this provider's refusal of a duplicate key.</summary>
    bool IsUniqueViolation(Exception exception);

    /// <summary>
    /// The writer of a bulk path's coupon rows on the context's open connection and transaction: the provider's fastest way
    /// (SQLite a prepared multi-row INSERT, PostgreSQL binary COPY).
    /// </summary>
    ICouponRowWriter CouponRows(CouponDbContext db, CouponBatch batch);

    /// <summary>Connection settings for writing millions of rows on the context's open connection, and their undoing.</summary>
    Task BeginBulkAsync(CouponDbContext db, CancellationToken ct);

    Task EndBulkAsync(CouponDbContext db);
}
