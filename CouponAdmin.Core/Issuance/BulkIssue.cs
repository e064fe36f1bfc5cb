using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Issuance;

public sealed record BulkIssueProgress(long RunId, long LastCustomerId, long Considered, long Issued);

public sealed record BulkIssueRequest(long OfferId, DateOnly? RegisteredFrom = null, DateOnly? RegisteredTo = null);

/// <summary>
/// Issues one coupon to every customer of an audience (all customers, optionally by registration date), with
/// the rules of <see cref="IssueCoupon"/> in set form. <see cref="StartAsync"/> writes the durable run record;
/// <see cref="RunAsync"/> (the job) processes it chunk by chunk, each chunk's coupons, counters and checkpoint
/// in one transaction, so running it again — after a crash or twice — resumes and never issues twice.
/// </summary>
public sealed class BulkIssue(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock, NotificationOptions? notifications = null)
{
    public const int DefaultChunkSize = 50_000;

    public async Task<Result<BulkIssueRun>> StartAsync(BulkIssueRequest request, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OfferId, ct);
        if (offer is null)
        {
            return OfferQueries.NotFound(request.OfferId);
        }

        if (Refusal(offer, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        var run = new BulkIssueRun
        {
            OfferId = offer.Id,
            Status = BulkIssueStatus.Queued,
            RegisteredFrom = request.RegisteredFrom,
            RegisteredTo = request.RegisteredTo,
            RequestedBy = actor,
            CreatedAt = clock.GetUtcNow(),
        };
        db.BulkIssueRuns.Add(run);
        AuditLog.Record(db, run.CreatedAt, actor, "coupons.bulkIssueQueued", nameof(Offer), offer.Id, (object?)null, request);
        await db.SaveChangesAsync(ct);
        return run;
    }

    public async Task<BulkIssueRun?> GetAsync(long runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BulkIssueRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
    }

    /// <summary>Runs not finished yet (queued, or cut short by a restart): the host queues them again at start-up.</summary>
    public async Task<IReadOnlyList<long>> UnfinishedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BulkIssueRuns.AsNoTracking()
            .Where(r => r.Status == BulkIssueStatus.Queued || r.Status == BulkIssueStatus.Processing)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
    }

    public async Task<BulkIssueRun> RunAsync(long runId, int chunkSize = DefaultChunkSize, IProgress<BulkIssueProgress>? progress = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.BulkIssueRuns.FirstAsync(r => r.Id == runId, ct);
        if (run.Status is BulkIssueStatus.Completed or BulkIssueStatus.Failed)
        {
            return run;
        }

        var offer = await db.Offers.AsNoTracking().FirstAsync(o => o.Id == run.OfferId, ct);
        if (Refusal(offer, clock.GetUtcNow()) is { } refusal)
        {
            return await FinishAsync(db, run, BulkIssueStatus.Failed, refusal.Message, ct);
        }

        run.Status = BulkIssueStatus.Processing;
        await db.SaveChangesAsync(ct);

        var zone = await OrgTime.ZoneAsync(db, ct);
        var writer = new BulkCouponWriter(db, offer, await CodeSpaces.GeneratorAsync(db, offer, ct), run, zone, notifications ?? NotificationOptions.Default);
        await writer.PrepareAsync(ct);
        try
        {
            while (true)
            {
                var now = clock.GetUtcNow();
                var expiresAt = ExpiryCalculator.ExpiresAt(now, offer.Definition.Coupon.Expiry, offer.ValidUntil, zone);
                var chunk = await writer.WriteChunkAsync(chunkSize, now, expiresAt, ct);
                progress?.Report(new BulkIssueProgress(run.Id, chunk.LastCustomerId, chunk.TotalConsidered, chunk.TotalIssued));
                if (chunk.Considered == 0 || chunk.SeriesExhausted)
                {
                    break;
                }
            }
        }
        finally
        {
            await writer.FinishAsync();
        }

        await db.Entry(run).ReloadAsync(ct);
        return await FinishAsync(db, run, BulkIssueStatus.Completed, null, ct);
    }

    private async Task<BulkIssueRun> FinishAsync(CouponDbContext db, BulkIssueRun run, BulkIssueStatus status, string? error, CancellationToken ct)
    {
        run.Status = status;
        run.Error = error;
        run.FinishedAt = clock.GetUtcNow();
        AuditLog.Record(db, run.FinishedAt.Value, run.RequestedBy, "coupons.bulkIssued", nameof(Offer), run.OfferId, (object?)null,
            new { run.Id, run.Status, run.Considered, run.Issued, run.Error });
        await db.SaveChangesAsync(ct);
        return run;
    }

    private static Error? Refusal(Offer offer, DateTimeOffset now) =>
        offer.GenerationMethod == GenerationMethod.Uploaded
            ? Error.Rule(ErrorCodes.IssualNotAllowedForSeries, $"Offer {offer.Id} uses uploaded codes; issue them by uploading customers against its pool.")
            : IssuanceChecks.OfferIssuable(offer, now);
}
