using System.Collections.Concurrent;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// SQLite's writer for redemptions: SQLite lets one writer in at a time, so calls queue here and one loop takes
/// whatever is waiting (up to <see cref="MaxBatch"/>), applies each in its own savepoint inside one transaction
/// (<see cref="RedemptionWrite"/>), commits once and answers them all. A commit per batch instead of per call, and no
/// call holds the lock while it reads. The loop runs only while there is work; its connection stays open between batches.
/// </summary>
internal sealed class GroupCommit(string connectionString) : IRedemptionWriter
{
    public const int MaxBatch = 128;

    private readonly ConcurrentQueue<PendingRedemption> _queue = new();
    private int _writing;
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

            Volatile.Write(ref _writing, 0);
            // A call queued after the last look but before the flag dropped has no writer yet: take the role back.
        }
        while (!_queue.IsEmpty && Interlocked.CompareExchange(ref _writing, 1, 0) == 0);
    }

    private async Task WriteBatchAsync()
    {
        var batch = new List<(PendingRedemption Pending, Result<RedemptionOutcome> Outcome, Exception? Failure)>();
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var pending))
        {
            batch.Add((pending, default, null));
        }

        try
        {
            using var gate = await WriteGate.EnterAsync(connectionString, CancellationToken.None);
            var s = _session ??= new SqlSession(SqliteSetup.Open(connectionString));
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
    }
}
