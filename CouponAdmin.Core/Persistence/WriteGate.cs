using System.Collections.Concurrent;

namespace CouponAdmin.Core.Persistence;

/// <summary>
/// One async gate per database for hot write paths. SQLite lets one writer in at a time; waiting here (an
/// awaited semaphore) instead of in SQLite's busy handler (a sleeping thread polling the lock) keeps threads
/// free and hands the lock over the moment it is released.
/// </summary>
public static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static Task<IDisposable> EnterAsync(CouponDbContext db, CancellationToken ct) => EnterAsync(db.Database.GetConnectionStringOrEmpty(), ct);

    public static async Task<IDisposable> EnterAsync(string connectionString, CancellationToken ct)
    {
        var gate = Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private static string GetConnectionStringOrEmpty(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) =>
        Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(database) ?? "";

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
