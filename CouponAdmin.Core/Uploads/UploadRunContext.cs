using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Core.Uploads;

/// <summary>What a processor works with during one run: the run's context and upload record, the offer, the org's zone.</summary>
internal sealed class UploadRunContext(CouponDbContext db, Upload upload, Offer? offer, TimeZoneInfo zone, TimeProvider clock,
    Microsoft.EntityFrameworkCore.IDbContextFactory<CouponDbContext> dbFactory, Notifications.NotificationOptions notifications)
{
    /// <summary>For the issual-limit alert that issuing rows may raise.</summary>
    public Notifications.NotificationOptions Notifications { get; } = notifications;

    /// <summary>For processors that call services committing on their own.</summary>
    public Microsoft.EntityFrameworkCore.IDbContextFactory<CouponDbContext> DbFactory { get; } = dbFactory;

    public CouponDbContext Db { get; } = db;
    public Upload Upload { get; } = upload;
    public Offer? Offer { get; } = offer;
    public Offer RequiredOffer => Offer ?? throw new InvalidOperationException($"Upload {Upload.Id} of kind {Upload.Kind} needs an offer.");
    public TimeZoneInfo Zone { get; } = zone;
    public TimeProvider Clock { get; } = clock;
    public bool DryRun => Upload.DryRun;
    public string Actor => Upload.RequestedBy;
}

/// <summary>The row processor of one kind of upload.</summary>
internal interface IUploadProcessor
{
    /// <summary>Rows per chunk: each chunk's effects, issue rows and checkpoint commit together.</summary>
    int ChunkSize { get; }

    /// <summary>
    /// True when <see cref="ProcessAsync"/> writes through the run's context inside the chunk's transaction; false when it
    /// calls services that commit on their own (each row then must be safe to apply twice, e.g. through an idempotency key).
    /// </summary>
    bool InChunkTransaction { get; }

    /// <summary>Loads what the kind needs once per run, or refuses the whole file.</summary>
    Task<Common.Error?> BeginAsync(UploadRunContext run, CancellationToken ct) => Task.FromResult<Common.Error?>(null);

    Task ProcessAsync(UploadRunContext run, UploadChunk chunk, CancellationToken ct);
}
