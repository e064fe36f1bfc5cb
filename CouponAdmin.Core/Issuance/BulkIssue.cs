using System.Diagnostics;
using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Issuance;

public sealed record BulkIssueProgress(long LastCustomerId, long Considered, long Issued, long Refused);

public sealed record BulkIssueResult(long Considered, long Issued, long Refused, TimeSpan Elapsed);

/// <summary>
/// Issues one coupon to every customer (in user-id order, resumable after a user id) with the rules of
/// <see cref="IssueCoupon"/> in set form, chunk by chunk: each chunk's eligibility, counters and coupon rows
/// commit in one transaction, written with one prepared insert. Memory stays flat in the audience size.
/// </summary>
public sealed class BulkIssue(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public const int DefaultChunkSize = 50_000;

    public async Task<Result<BulkIssueResult>> ExecuteAsync(long offerId, string actor, long afterCustomerId = 0,
        IProgress<BulkIssueProgress>? progress = null, int chunkSize = DefaultChunkSize, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null)
        {
            return OfferQueries.NotFound(offerId);
        }

        if (offer.GenerationMethod == GenerationMethod.Uploaded)
        {
            return Error.Rule(ErrorCodes.IssualNotAllowedForSeries, $"Offer {offer.Id} uses uploaded codes; issue them by uploading customers against its pool.");
        }

        if (IssuanceChecks.OfferIssuable(offer, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        var zone = await OrgTime.ZoneAsync(db, ct);
        var writer = new BulkCouponWriter(db, offer, CodeGenerators.For(offer.Definition.Coupon.Generation, offer.CodeKey));
        await writer.PrepareAsync(ct);
        long considered = 0, issued = 0, last = afterCustomerId;
        while (true)
        {
            var now = clock.GetUtcNow();
            var expiresAt = ExpiryCalculator.ExpiresAt(now, offer.Definition.Coupon.Expiry, offer.ValidUntil, zone);
            var chunk = await writer.WriteChunkAsync(last, chunkSize, now, expiresAt, ct);
            if (chunk.Considered == 0)
            {
                break;
            }

            (considered, issued, last) = (considered + chunk.Considered, issued + chunk.Issued, chunk.LastCustomerId);
            progress?.Report(new BulkIssueProgress(last, considered, issued, considered - issued));
            if (chunk.SeriesExhausted)
            {
                break;
            }
        }

        AuditLog.Record(db, clock.GetUtcNow(), actor, "coupons.bulkIssued", nameof(Offer), offer.Id, (object?)null, new { considered, issued, afterCustomerId });
        await db.SaveChangesAsync(ct);
        await writer.FinishAsync(ct);
        return new BulkIssueResult(considered, issued, considered - issued, watch.Elapsed);
    }
}
