using Microsoft.Data.Sqlite;

namespace CouponAdmin.Core.Persistence;

/// <summary>
/// Keeps a busy writer's WAL bounded without making it wait for the disk. SQLite's own checkpoint runs inside the commit
/// that crosses 1,000 pages, copying pages and syncing twice while every caller of that batch waits; here the writer's
/// connection turns that off, and a checkpoint on a connection of its own copies the pages (PASSIVE: beside the writer,
/// never blocking it) every <see cref="PassiveEvery"/> commits, or once the writer has been idle for
/// <see cref="IdleDelay"/>. Checkpointing seldom is what makes it cheap: a page that many commits rewrote (a table's
/// last leaf, an index's hot page, a day's counts) is copied and synced once, not once a commit. A passive checkpoint
/// cannot start the WAL over while commits keep coming, so once it is longer than <see cref="RestartAbovePages"/> the
/// writer itself restarts it between batches — by then only the pages of the last few commits are left to copy.
/// </summary>
internal sealed class WalCheckpoints(string connectionString)
{
    public const int PassiveEvery = 256;
    public const int RestartAbovePages = 32_768;

    /// <summary>How long the writer must have nothing to commit before the WAL is checkpointed: a lull, not the gap between two batches.</summary>
    public static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(200);

    private SqliteConnection? _connection;
    private int _commits;
    private int _running;
    private int _idleCheckArmed;
    private long _lastCommitTicks;
    private long _walPages;

    /// <summary>Whether the writer should restart the WAL now (it is long, and most of it is copied already).</summary>
    public bool RestartDue => Volatile.Read(ref _walPages) > RestartAbovePages;

    /// <summary>Turns the connection's own checkpoints off: this writer's WAL is checkpointed here.</summary>
    public static void TakeOver(SqliteConnection writer)
    {
        using var cmd = writer.CreateCommand();
        cmd.CommandText = "PRAGMA wal_autocheckpoint=0";
        cmd.ExecuteNonQuery();
    }

    /// <summary>Counts a commit; every <see cref="PassiveEvery"/> a passive checkpoint starts.</summary>
    public void Committed()
    {
        Volatile.Write(ref _lastCommitTicks, Environment.TickCount64);
        if (Interlocked.Increment(ref _commits) >= PassiveEvery)
        {
            StartPassive();
        }
    }

    /// <summary>The writer found nothing to do: a checkpoint starts <see cref="IdleDelay"/> later unless another commit came in between.</summary>
    public void WentIdle()
    {
        if (Interlocked.Exchange(ref _idleCheckArmed, 1) == 1)
        {
            return;
        }

        _ = Task.Delay(IdleDelay).ContinueWith(_ =>
        {
            Volatile.Write(ref _idleCheckArmed, 0);
            if (Environment.TickCount64 - Volatile.Read(ref _lastCommitTicks) >= (long)IdleDelay.TotalMilliseconds)
            {
                StartPassive();
            }
        }, TaskScheduler.Default);
    }

    private void StartPassive()
    {
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            Interlocked.Exchange(ref _commits, 0);
            _ = Task.Run(Passive);
        }
    }

    /// <summary>
    /// On the writer's connection, between batches (outside any transaction): copies what is left and starts the WAL over.
    /// A restart that readers hold up, or that fails, is tried again after a later batch.
    /// </summary>
    public void Restart(SqliteConnection writer)
    {
        try
        {
            using var cmd = writer.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(RESTART)";
            using var reader = cmd.ExecuteReader();
            if (reader.Read() && reader.GetInt64(0) == 0)
            {
                Volatile.Write(ref _walPages, 0);
            }
        }
        catch (SqliteException)
        {
            // The WAL is only longer until the next try.
        }
    }

    private void Passive()
    {
        try
        {
            _connection ??= SqliteSetup.Open(connectionString);
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            using var reader = cmd.ExecuteReader();
            if (reader.Read())
            {
                // (busy, pages in the WAL, pages copied)
                Volatile.Write(ref _walPages, reader.GetInt64(1));
            }
        }
        catch (SqliteException)
        {
            // A checkpoint that could not run now runs at the next signal; nothing is lost, the WAL is only longer.
            _connection?.Dispose();
            _connection = null;
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
