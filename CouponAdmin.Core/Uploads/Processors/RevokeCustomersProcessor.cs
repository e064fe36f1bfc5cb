using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Revocation;

namespace CouponAdmin.Core.Uploads.Processors;

/// <summary><c>revokeCustomers</c> files: revokes every active coupon of the offer held by each row's customer (redeemed ones stay).</summary>
internal sealed class RevokeCustomersProcessor : IUploadProcessor
{
    public int ChunkSize => 5_000;

    public bool InChunkTransaction => true;

    public async Task ProcessAsync(UploadRunContext run, UploadChunk chunk, CancellationToken ct)
    {
        var rows = await ChunkCustomers.ResolveAsync(run, chunk, chunk.Rows, ct);
        if (rows.Count == 0)
        {
            return;
        }

        var now = run.Clock.GetUtcNow();
        var customers = rows.Select(r => r.CustomerId).Distinct().ToList();
        var revoked = await RevokeCoupons.CustomersAsync(run.Db, run.RequiredOffer.Id, customers, now, ct);
        if (run.DryRun)
        {
            return;
        }

        await Reporting.DailyCounts.AddAsync(run.Db, run.RequiredOffer.Id, now, run.Zone, ct, revoked: revoked.Count);
        AuditLog.Record(run.Db, now, run.Actor, "coupons.revoked", nameof(Offer), run.RequiredOffer.Id, (object?)null,
            new { Mode = RevokeMode.Customers, UploadId = run.Upload.Id, customers, revoked = revoked.Count });
    }
}
