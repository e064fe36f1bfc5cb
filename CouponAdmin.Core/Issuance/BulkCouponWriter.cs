using System.Data.Common;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CouponAdmin.Core.Issuance;

internal sealed record ChunkOutcome(long LastCustomerId, int Considered, int Issued, bool SeriesExhausted, long TotalConsidered = 0, long TotalIssued = 0);

/// <summary>
/// The SQLite bulk path of <see cref="BulkIssue"/>: one set-based eligibility query per chunk, a conditional
/// grant from the series counter, and one prepared INSERT reused for every coupon of the chunk.
/// </summary>
internal sealed class BulkCouponWriter(CouponDbContext db, Offer offer, ICodeGenerator generator, BulkIssueRun run, TimeZoneInfo zone,
    NotificationOptions notifications)
{
    private readonly OfferDefinition _d = offer.Definition;

    public async Task PrepareAsync(CancellationToken ct)
    {
        await BulkWriting.BeginAsync(db, ct);
        await IssuanceCounters.EnsureOfferRowAsync(db, offer.Id, ct);
    }

    public async Task FinishAsync()
    {
        await BulkWriting.EndAsync(db);
        await db.Database.CloseConnectionAsync();
    }

    public async Task<ChunkOutcome> WriteChunkAsync(int chunkSize, DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The checkpoint is read inside the transaction that will advance it.
        var after = await db.ScalarAsync<long>("""SELECT "LastCustomerId" FROM "BulkIssueRuns" WHERE "Id" = @r""", ct, ("@r", run.Id)) ?? 0;
        var (candidates, eligible) = await BulkEligibility.ReadChunkAsync(db, offer, run, after, chunkSize, now, ct);
        if (candidates.Count == 0)
        {
            return new ChunkOutcome(after, 0, 0, false);
        }

        var granted = await GrantAsync(eligible.Count, ct);
        var indexes = generator.IsShared ? null : await CodeAllocator.TakeAsync(db, offer.CodeSpaceId!.Value, granted, ct);
        var issued = InsertChunk(eligible, indexes?.Count ?? granted, indexes, now, expiresAt, ct);
        if (issued < granted)
        {
            // Codes ran out or belonged to another offer: give the unused grants back to the series counter.
            await db.ExecuteAsync("""UPDATE "OfferCounters" SET "IssuedCount" = "IssuedCount" - @n WHERE "OfferId" = @o""", ct,
                ("@o", offer.Id), ("@n", granted - issued));
        }
        if (IssuanceChecks.CountsPerCustomer(_d))
        {
            await CountCustomersAsync(eligible, issued, now, ct);
        }

        if (_d.Issual is { TotalLimit: not null, NotifyWhenRemaining: not null })
        {
            var count = await db.ScalarAsync<long>("""SELECT "IssuedCount" FROM "OfferCounters" WHERE "OfferId" = @o""", ct, ("@o", offer.Id)) ?? 0;
            await IssualLimitAlert.RaiseIfLowAsync(db, offer, count, now, notifications, ct);
        }

        await Reporting.DailyCounts.AddAsync(db, offer.Id, now, zone, ct, issued: issued);
        var totalIssued = await db.ScalarAsync<long>("""
            UPDATE "BulkIssueRuns" SET "LastCustomerId" = @last, "Considered" = "Considered" + @n, "Issued" = "Issued" + @issued WHERE "Id" = @r
            RETURNING "Issued"
            """, ct, ("@r", run.Id), ("@last", candidates[^1]), ("@n", candidates.Count), ("@issued", issued)) ?? 0;
        var totalConsidered = await db.ScalarAsync<long>("""SELECT "Considered" FROM "BulkIssueRuns" WHERE "Id" = @r""", ct, ("@r", run.Id)) ?? 0;
        await tx.CommitAsync(ct);
        return new ChunkOutcome(candidates[^1], candidates.Count, issued, issued < eligible.Count, totalConsidered, totalIssued);
    }

    /// <summary>How many of <paramref name="wanted"/> the series limit still allows; each try is one conditional update.</summary>
    private async Task<int> GrantAsync(int wanted, CancellationToken ct)
    {
        var limit = _d.Issual.TotalLimit;
        while (wanted > 0)
        {
            var updated = await db.ScalarAsync<long>("""
                UPDATE "OfferCounters" SET "IssuedCount" = "IssuedCount" + @n
                WHERE "OfferId" = @o AND (@limit IS NULL OR "IssuedCount" + @n <= @limit)
                RETURNING "IssuedCount"
                """, ct, ("@o", offer.Id), ("@n", wanted), ("@limit", limit));
            if (updated is not null)
            {
                return wanted;
            }

            var remaining = limit!.Value - (await db.ScalarAsync<long>("""SELECT "IssuedCount" FROM "OfferCounters" WHERE "OfferId" = @o""", ct, ("@o", offer.Id)) ?? 0);
            wanted = (int)Math.Clamp(remaining, 0, wanted - 1);
        }

        return 0;
    }

    /// <param name="indexes">The code indexes to give, one per coupon; null for a common code.</param>
    private int InsertChunk(List<long> customers, int granted, List<long>? indexes, DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        using var inserter = new CouponInserter(db, offer.Id, generator.IsShared, offer.CodeSpaceId, now, expiresAt);
        var buffer = new char[generator.CodeLength];
        for (var row = 0; row < granted; row++)
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
        return granted;
    }

    private async Task CountCustomersAsync(List<long> customers, int issued, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = """
            INSERT INTO "CustomerIssuals" ("OfferId", "CustomerId", "Count", "LastIssuedAt") VALUES (@o, @c, 1, @now)
            ON CONFLICT ("OfferId", "CustomerId") DO UPDATE SET "Count" = "Count" + 1, "LastIssuedAt" = @now
            """;
        Sql.AddParameter(cmd, "@o", offer.Id);
        Sql.AddParameter(cmd, "@now", now);
        var customer = Sql.AddParameter(cmd, "@c", 0L);
        cmd.Prepare();
        for (var i = 0; i < issued; i++)
        {
            customer.Value = customers[i];
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
