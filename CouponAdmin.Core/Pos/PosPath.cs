using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Redemption;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Pos;

/// <summary>
/// The point-of-sale path of one database: its current <see cref="PosSnapshot"/>, replaced when a call reads a newer
/// <see cref="ConfigVersion"/>, a pool of open connections with their statements prepared, and the redemption writer.
/// There is one per context factory, so it lives as long as the app (or the test) that owns the factory, and use cases
/// built by hand with that factory share it.
/// </summary>
internal sealed class PosPath
{
    /// <summary>Idle sessions kept open; more are opened when more calls read at once, and closed when they come back.</summary>
    private const int MaxIdleSessions = 16;

    private static readonly ConditionalWeakTable<IDbContextFactory<CouponDbContext>, PosPath> Paths = [];

    private readonly IDbContextFactory<CouponDbContext> _dbFactory;
    private readonly ConcurrentBag<SqlSession> _idle = [];
    private readonly Lock _lock = new();
    private PosSnapshot? _current;
    private Task<PosSnapshot>? _loading;
    private GroupCommit? _groupCommit;

    private PosPath(IDbContextFactory<CouponDbContext> dbFactory)
    {
        _dbFactory = dbFactory;
        using var db = dbFactory.CreateDbContext();
        ConnectionString = db.Database.GetConnectionString() ?? "";
        Dialect = db.Dialect;
    }

    public Persistence.Dialects.ISqlDialect Dialect { get; }

    public string ConnectionString { get; }

    /// <summary>Writers in their own transactions at once (the per-call writer); more wait in process for a slot.</summary>
    public SemaphoreSlim WriterSlots { get; } = new(MaxConcurrentWriters, MaxConcurrentWriters);

    /// <summary>Enough to keep a database server's cores busy, few enough to stay far inside a connection pool.</summary>
    private const int MaxConcurrentWriters = 16;

    public static PosPath For(IDbContextFactory<CouponDbContext> dbFactory) => Paths.GetValue(dbFactory, f => new PosPath(f));

    /// <summary>An open session from the pool, returned when the lease is disposed.</summary>
    /// <remarks>
    /// At most <see cref="MaxOpenSessions"/> are open at once; a call beyond that waits here for one to come back, rather than
    /// for the driver's pool (which gives up after its timeout) — a burst of calls then costs waiting, not errors.
    /// </remarks>
    public async ValueTask<SessionLease> RentAsync(CancellationToken ct = default)
    {
        await _sessionSlots.WaitAsync(ct);
        try
        {
            return new(this, _idle.TryTake(out var session) ? session : new SqlSession(Dialect.Open(ConnectionString), Dialect));
        }
        catch
        {
            _sessionSlots.Release();
            throw;
        }
    }

    private const int MaxOpenSessions = 32;
    private readonly SemaphoreSlim _sessionSlots = new(MaxOpenSessions, MaxOpenSessions);

    /// <summary>
    /// Where redemptions are written: SQLite's group commit (one writer at a time anyway), or each call's own transaction —
    /// when configured so, and always on a database that takes concurrent writers.
    /// </summary>
    public IRedemptionWriter Writer(RedemptionOptions? options) =>
        options is { GroupCommit: false } || !Dialect.SingleWriter
            ? new PerRequestWrite(this, gated: options?.WriteGate != false && Dialect.SingleWriter)
            : LazyInitializer.EnsureInitialized(ref _groupCommit, () => new GroupCommit(ConnectionString));

    /// <summary>The current snapshot, loading the first one.</summary>
    public ValueTask<PosSnapshot> CurrentAsync() => Volatile.Read(ref _current) is { } current ? new(current) : new(LoadAsync(0));

    /// <summary>The snapshot of the version in the database now (one read of one row; a load only when it moved).</summary>
    public async ValueTask<PosSnapshot> LatestAsync(CancellationToken ct)
    {
        long version;
        using (var lease = await RentAsync(ct))
        {
            version = await lease.Session.Int64Async(Persistence.Statements.PosStatements.For(Dialect).Version, ct) ?? 0;
        }

        return await SnapshotAsync(version);
    }

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

    private void Return(SqlSession session)
    {
        _sessionSlots.Release();
        session.Transaction = null;
        // A connection a failure broke is not lent again.
        if (_idle.Count < MaxIdleSessions && session.Connection.State == System.Data.ConnectionState.Open)
        {
            _idle.Add(session);
        }
        else
        {
            session.Dispose();
        }
    }

    /// <summary>A session borrowed from the pool for one call.</summary>
    public readonly struct SessionLease(PosPath path, SqlSession session) : IDisposable
    {
        public SqlSession Session { get; } = session;

        public void Dispose() => path.Return(Session);
    }
}
