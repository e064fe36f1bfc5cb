using System.Runtime.CompilerServices;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Pos;

/// <summary>
/// The point-of-sale path of one database: its current <see cref="PosSnapshot"/>, replaced when a call reads a newer
/// <see cref="ConfigVersion"/>. There is one per context factory, so it lives as long as the app (or the test) that owns
/// the factory, and use cases built by hand with that factory share it.
/// </summary>
internal sealed class PosPath
{
    private static readonly ConditionalWeakTable<IDbContextFactory<CouponDbContext>, PosPath> Paths = [];

    private readonly IDbContextFactory<CouponDbContext> _dbFactory;
    private readonly Lock _lock = new();
    private PosSnapshot? _current;
    private Task<PosSnapshot>? _loading;

    private PosPath(IDbContextFactory<CouponDbContext> dbFactory) => _dbFactory = dbFactory;

    public static PosPath For(IDbContextFactory<CouponDbContext> dbFactory) => Paths.GetValue(dbFactory, f => new PosPath(f));

    /// <summary>A snapshot at least as new as <paramref name="version"/>, a version the caller has just read.</summary>
    public ValueTask<PosSnapshot> SnapshotAsync(long version)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && current.Version >= version ? new(current) : new(LoadAsync(version));
    }

    /// <summary>One load at a time, whoever asks: callers that find the snapshot out of date wait for the same load.</summary>
    private async Task<PosSnapshot> LoadAsync(long version)
    {
        while (true)
        {
            Task<PosSnapshot> loading;
            lock (_lock)
            {
                if (_current is { } current && current.Version >= version)
                {
                    return current;
                }

                if (_loading is null || _loading.IsCompleted)
                {
                    _loading = Task.Run(LoadAndPublishAsync);
                }

                loading = _loading;
            }

            if ((await loading).Version >= version)
            {
                return await loading;
            }
        }
    }

    private async Task<PosSnapshot> LoadAndPublishAsync()
    {
        await using var db = await _dbFactory.CreateDbContextAsync();
        var loaded = await PosSnapshot.LoadAsync(db, CancellationToken.None);
        lock (_lock)
        {
            if (_current is null || loaded.Version > _current.Version)
            {
                _current = loaded;
            }
        }

        return loaded;
    }
}
