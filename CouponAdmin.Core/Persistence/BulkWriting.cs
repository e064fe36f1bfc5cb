using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Persistence;

/// <summary>
/// Connection settings for writing millions of rows (bulk issuance, upload jobs) on the context's open connection:
/// a large page cache keeps the indexes in memory, and the WAL is checkpointed once at the end instead of after
/// every chunk's commit.
/// </summary>
internal static class BulkWriting
{
    public static async Task BeginAsync(CouponDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await db.ExecuteAsync("PRAGMA cache_size = -262144;", ct);
        await db.ExecuteAsync("PRAGMA wal_autocheckpoint = 0;", ct);
    }

    /// <summary>Large transactions grow the WAL to the size of what they wrote; give the space back and checkpoint as usual again.</summary>
    public static async Task EndAsync(CouponDbContext db)
    {
        await db.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);", CancellationToken.None);
        await db.ExecuteAsync("PRAGMA wal_autocheckpoint = 1000;", CancellationToken.None);
    }
}
