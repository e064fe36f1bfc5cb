using System.Collections.Concurrent;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// SQLite's writer for redemptions: SQLite lets one writer in at a time, so calls queue here and one loop takes
/// whatever is waiting (up to <see cref="MaxBatch"/>), applies each in its own savepoint inside one transaction
/// (<see cref="RedemptionWrite"/>), commits once and answers them all. A commit per batch instead of per call, and no
/// call holds the lock while it reads. The loop runs only while there is work; its connection stays open between
/// batches, and its WAL is checkpointed beside it (<see cref="WalCheckpoints"/>).
/// </summary>
internal sealed class GroupCommit(string connectionString) : IRedemptionWriter
{
    public const int MaxBatch = 128;

    /// <summary>
    /// Under load (the last batch had more than one), a writer that finds fewer than <see cref="FullEnough"/> waiting
    /// yields its thread up to <see cref="MaxYields"/> times first, so calls already on their way join the batch: a commit
    /// costs about as much as ten redemptions' statements. A lone call is written at once.
    /// </summary>
    private const int FullEnough = 16;

    private const int MaxYields = 4;

    private readonly ConcurrentQueue<PendingRedemption> _queue = new();
    private readonly WalCheckpoints _checkpoints = new(connectionString);
    private int _writing;
    private int _lastBatch;
    private SqlSession? _session;

    public Task<Result<RedemptionOutcome>> WriteAsync(PendingRedemption pending)
    {
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = Task.Run(WriteWaitingAsync);
        }

        return pending.Answer.Task;
    }

    private async Task WriteWaitingAsync()
    {
        do
        {
            while (!_queue.IsEmpty)
            {
                await WriteBatchAsync();
            }

            _checkpoints.WentIdle();
            Volatile.Write(ref _writing, 0);
            // A call queued after the last look but before the flag dropped has no writer yet: take the role back.
        }
        while (!_queue.IsEmpty && Interlocked.CompareExchange(ref _writing, 1, 0) == 0);
    }

    private async Task WriteBatchAsync()
    {
        for (var i = 0; i < MaxYields && _lastBatch > 1 && _queue.Count < FullEnough; i++)
        {
            await Task.Yield();
        }

        var batch = new List<(PendingRedemption Pending, Result<RedemptionOutcome> Outcome, Exception? Failure)>();
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var pending))
        {
            batch.Add((pending, default, null));
        }

        _lastBatch = batch.Count;

        try
        {
            using var gate = await WriteGate.EnterAsync(connectionString, CancellationToken.None);
            if (_session is null)
            {
                _session = new SqlSession(OpenWriter(connectionString), Persistence.Dialects.SqliteDialect.Instance);
            }

            var s = _session;
            await using var transaction = ((SqliteConnection)s.Connection).BeginTransaction();
            s.Transaction = transaction;
            var daily = new DailyTally();
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    batch[i] = batch[i] with { Outcome = await RedemptionWrite.ApplyAsync(s, batch[i].Pending, daily, CancellationToken.None) };
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A bug or a broken row fails its own call; the batch goes on (a failed rollback ends it, below).
                    batch[i] = batch[i] with { Failure = e };
                    await RedemptionWrite.AbandonAsync(s, CancellationToken.None);
                }
            }

            await daily.FlushAsync(s, CancellationToken.None);
            await transaction.CommitAsync();
            _checkpoints.Committed();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nothing of the batch committed: every call in it fails, and the connection starts afresh.
            _session?.Dispose();
            _session = null;
            foreach (var (pending, _, _) in batch)
            {
                pending.Answer.TrySetException(e);
            }

            return;
        }
        finally
        {
            if (_session is not null)
            {
                _session.Transaction = null;
            }
        }

        foreach (var (pending, outcome, failure) in batch)
        {
            if (failure is null)
            {
                pending.Answer.TrySetResult(outcome);
            }
            else
            {
                pending.Answer.TrySetException(failure);
            }
        }

        // After the answers: restarting the WAL delays the next batch, not this one.
        if (_checkpoints.RestartDue && _session is not null)
        {
            _checkpoints.Restart((SqliteConnection)_session.Connection);
        }
    }

    /// <summary>
    /// The writer's connection: its WAL checkpointed by <see cref="WalCheckpoints"/>, and its savepoint journals kept in
    /// memory. A redemption's savepoint journals a dozen pages or more, and past 64 KB SQLite would spill the journal to
    /// a temporary file and write every later page of the batch to it.
    /// </summary>
    private static SqliteConnection OpenWriter(string connectionString)
    {
        var connection = SqliteSetup.Open(connectionString);
        WalCheckpoints.TakeOver(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA temp_store=MEMORY";
        cmd.ExecuteNonQuery();
        return connection;
    }
}
