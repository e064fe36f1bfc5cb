using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence;

/// <summary>
/// Connection settings for writing millions of rows (bulk issuance, upload jobs) on the context's open connection, as
/// the context's provider wants them (<see cref="ISqlDialect.BeginBulkAsync"/>: on SQLite a large page cache and one WAL
/// checkpoint at the end instead of after every chunk's commit; nothing to change on PostgreSQL).
/// </summary>
internal static class BulkWriting
{
    public static Task BeginAsync(CouponDbContext db, CancellationToken ct) => SqlDialects.For(db).BeginBulkAsync(db, ct);

    /// <summary>Puts the connection's usual settings back (on SQLite: gives the WAL's space back).</summary>
    public static Task EndAsync(CouponDbContext db) => SqlDialects.For(db).EndBulkAsync(db);
}
