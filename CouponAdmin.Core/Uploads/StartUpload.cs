using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Uploads.Csv;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Uploads;

public sealed record StartUploadRequest(UploadKind Kind, long? OfferId, string FileName, Stream Content, bool DryRun = false);

/// <summary>
/// Receives a file: checks the offer accepts this kind, saves the file under the data folder, reads it through once
/// (a wrong header, a broken quote or a binary file is refused now, before anything is queued) and writes the upload
/// record. The caller then queues <see cref="RunUpload"/> for it.
/// </summary>
public sealed class StartUpload(IDbContextFactory<CouponDbContext> dbFactory, UploadStore store, TimeProvider clock)
{
    public async Task<Result<Upload>> ExecuteAsync(StartUploadRequest request, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (UploadLayouts.BelongsToOffer(request.Kind))
        {
            var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OfferId, ct);
            if (offer is null)
            {
                return OfferQueries.NotFound(request.OfferId ?? 0);
            }

            if (UploadRules.Refusal(offer, request.Kind) is { } refusal)
            {
                return refusal;
            }
        }

        var saved = await store.SaveAsync(request.Content, ct);
        if (!saved.IsSuccess)
        {
            return saved.Error;
        }

        var inspected = Inspect(saved.Value, UploadLayouts.For(request.Kind));
        if (!inspected.IsSuccess)
        {
            store.Delete(saved.Value.StoredName);
            return inspected.Error;
        }

        var upload = new Upload
        {
            Kind = request.Kind,
            OfferId = UploadLayouts.BelongsToOffer(request.Kind) ? request.OfferId : null,
            FileName = FileNameOf(request.FileName),
            StoredName = saved.Value.StoredName,
            Sha256 = saved.Value.Sha256,
            SizeBytes = saved.Value.SizeBytes,
            Encoding = inspected.Value.Encoding,
            DryRun = request.DryRun,
            Status = UploadStatus.Queued,
            TotalRows = inspected.Value.Rows,
            RequestedBy = actor,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Uploads.Add(upload);
        // The upload and its audit entry commit together; the entry needs the upload's id, so the upload is saved first.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, upload.CreatedAt, actor, "upload.queued", nameof(Upload), upload.Id, (object?)null,
            new { upload.Kind, upload.OfferId, upload.FileName, upload.Sha256, upload.SizeBytes, upload.TotalRows, upload.DryRun });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return upload;
    }

    private Result<(int Rows, string Encoding)> Inspect(SavedFile file, CsvLayout layout)
    {
        using var stream = store.Open(file.StoredName);
        var opened = CsvUploadReader.Open(stream, layout, new CsvLimits(store.Options.MaxFileBytes));
        if (!opened.IsSuccess)
        {
            return opened.Error;
        }

        using var reader = opened.Value;
        try
        {
            var rows = reader.Rows().Count();
            return rows > 0
                ? (rows, reader.DetectedEncoding)
                : new Error(ErrorCodes.InvalidFile, $"The file has a header but no rows; add rows under {layout.Describe()}.", ErrorKind.Validation);
        }
        catch (CsvFileException e)
        {
            return new Error(e.Code, e.Message, ErrorKind.Validation);
        }
    }

    private static string FileNameOf(string name)
    {
        var clean = Path.GetFileName(name.Replace('\\', '/'));
        clean = new string([.. clean.Where(c => !char.IsControl(c))]);
        return clean.Length == 0 ? "upload.csv" : clean.Length > Upload.MaxFileNameLength ? clean[..Upload.MaxFileNameLength] : clean;
    }
}
