using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Issuance;

internal sealed record ChunkOutcome(long LastCustomerId, int Considered, int Issued, bool SeriesExhausted, long TotalConsidered = 0, long TotalIssued = 0);

/// <summary>
/// The bulk path of <see cref="BulkIssue"/>, one chunk of the audience per transaction: the chunk's customers in user-id
/// order, decided by the same <see cref="IssualLedger"/> as single issues and upload rows (its state read set-wise for the
/// chunk), codes from the <see cref="CodeAllocator"/>, one prepared INSERT reused for every coupon, and the counters,
/// alert and checkpoint written by <see cref="IssualLedgerWriter"/> in the same transaction.
/// </summary>
internal sealed class BulkCouponWriter(CouponDbContext db, Offer offer, ICodeGenerator generator, BulkIssueRun run, TimeZoneInfo zone,
    NotificationOptions notifications)
{
    public async Task PrepareAsync(CancellationToken ct)
    {
        await db.Dialect.BeginBulkAsync(db, ct);
        await IssuanceCounters.EnsureOfferRowAsync(db, offer.Id, ct);
    }

    public async Task FinishAsync()
    {
        await db.Dialect.EndBulkAsync(db);
        await db.Database.CloseConnectionAsync();
    }

    public async Task<ChunkOutcome> WriteChunkAsync(int chunkSize, DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The checkpoint is read inside the transaction that will advance it.
        var after = await db.ScalarAsync<long>(IssuanceStatements.For(db.Dialect).RunCheckpoint, ct, ("@r", run.Id)) ?? 0;
        var candidates = await AudienceChunkAsync(after, chunkSize, ct);
        if (candidates.Count == 0)
        {
            return new ChunkOutcome(after, 0, 0, false);
        }

        var ledger = await IssualLedger.LoadAsync(db, offer, candidates, await IssuedCodes.LeftAsync(db, offer, generator, ct), now, ct);
        var granted = new List<long>(candidates.Count);
        var exhausted = false;
        foreach (var customer in candidates)
        {
            var (decision, refusal) = ledger.TryIssue(customer);
            if (decision == IssualDecision.Issue)
            {
                granted.Add(customer);
            }
            else if (refusal?.Code is ErrorCodes.SeriesIssualLimitExceeded or ErrorCodes.NoCodesAvailable)
            {
                exhausted = true;
                break;
            }
        }

        var indexes = generator.IsShared ? null : await CodeAllocator.TakeAsync(db, offer.CodeSpaceId!.Value, granted.Count, ct);
        var issued = indexes?.Count ?? granted.Count;
        // Codes ran out sooner than counted (an overlapping space holds some): the last grants are taken back.
        for (var i = granted.Count - 1; i >= issued; i--)
        {
            ledger.Withdraw(granted[i]);
            exhausted = true;
        }

        InsertChunk(granted, issued, indexes, now, expiresAt, ct);
        await IssualLedgerWriter.WriteCountsAsync(db, offer, ledger, issued, now, zone, notifications, ct);
        var totals = await db.ListAsync(IssuanceStatements.For(db.Dialect).RunAdvance, r => (r.GetInt64(0), r.GetInt64(1)), ct, ("@r", run.Id), ("@last", candidates[^1]), ("@n", candidates.Count), ("@issued", issued));
        await tx.CommitAsync(ct);
        return new ChunkOutcome(candidates[^1], candidates.Count, issued, exhausted, totals[0].Item1, totals[0].Item2);
    }

    /// <summary>The next customers of the audience (everyone, or those registered in the run's date range), in user-id order.</summary>
    private Task<List<long>> AudienceChunkAsync(long after, int size, CancellationToken ct)
    {
        return db.ListAsync(IssuanceStatements.AudienceChunk(run.RegisteredFrom is not null, run.RegisteredTo is not null),
            r => r.GetInt64(0), ct, ("@after", after), ("@size", size),
            ("@from", run.RegisteredFrom), ("@to", run.RegisteredTo));
    }

    /// <param name="indexes">The code indexes to give, one per coupon; null for a common code.</param>
    private void InsertChunk(List<long> customers, int count, List<long>? indexes, DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        using var inserter = db.Dialect.CouponRows(db, new CouponBatch(offer.Id, generator.IsShared, offer.CodeSpaceId, now, expiresAt));
        var buffer = new char[generator.CodeLength];
        for (var row = 0; row < count; row++)
        {
            if ((row & 0xFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var index = indexes?[row];
            generator.WriteCode(index ?? 0, buffer);
            inserter.Add(new string(buffer), index, customers[row]);
        }

        inserter.Flush();
    }
}
