using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using CouponAdmin.Core.Uploads.Csv;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Uploads;

/// <summary>Test and benchmark knobs of a run: the chunk size, and a hook called just before each chunk commits.</summary>
public sealed record UploadRunOptions(int? ChunkSize = null, Action<int>? BeforeCommit = null);

/// <summary>
/// The upload job: reads the saved file from the upload's checkpoint on, hands each chunk of rows to the kind's
/// processor and commits the chunk's effects, its issue rows and the new checkpoint in one transaction. Running it
/// again — after a crash, or twice — resumes after the last committed row and never applies a row twice.
/// </summary>
public sealed class RunUpload(IDbContextFactory<CouponDbContext> dbFactory, UploadStore store, UploadProcessors processors, TimeProvider clock,
    Notifications.NotificationOptions? notifications = null)
{
    public async Task<Upload> ExecuteAsync(long uploadId, UploadRunOptions? options = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var upload = await db.Uploads.FirstAsync(u => u.Id == uploadId, ct);
        if (upload.IsFinished)
        {
            return upload;
        }

        var offer = upload.OfferId is { } offerId ? await db.Offers.AsNoTracking().FirstAsync(o => o.Id == offerId, ct) : null;
        await using (var claim = await db.Database.BeginTransactionAsync(ct))
        {
            // Read again inside the write transaction: another run of this upload (a retry, the start-up requeue) may have
            // moved it on or finished it since, and its state must not be overwritten with ours.
            await db.Entry(upload).ReloadAsync(ct);
            if (upload.IsFinished)
            {
                return upload;
            }

            if (upload.DryRun && upload.LastCommittedRow > 0)
            {
                // A dry run writes nothing, so what its earlier chunks would have issued lived only in the cut-short run's
                // memory: resuming after them would judge later rows without them. Start it over instead.
                await db.UploadIssues.Where(i => i.UploadId == upload.Id).ExecuteDeleteAsync(ct);
                (upload.LastCommittedRow, upload.ProcessedRows, upload.SucceededRows, upload.FailedRows, upload.PartlyIssuedRows, upload.SuccessReportBytes) = (0, 0, 0, 0, 0, 0L);
            }

            upload.Status = UploadStatus.Processing;
            upload.StartedAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await claim.CommitAsync(ct);
        }

        var run = new UploadRunContext(db, upload, offer, await OrgTime.ZoneAsync(db, ct), clock, dbFactory,
            notifications ?? Notifications.NotificationOptions.Default);
        var processor = processors.Create(upload.Kind);
        if (await processor.BeginAsync(run, ct) is { } refusal)
        {
            return await FinishAsync(db, upload, refusal, ct);
        }

        await db.Database.OpenConnectionAsync(ct);
        using var report = new SuccessReport(store.SuccessReportPath(upload.StoredName), upload.SuccessReportBytes);
        await using var file = store.Open(upload.StoredName);
        var opened = CsvUploadReader.Open(file, UploadLayouts.For(upload.Kind), new CsvLimits(store.Options.MaxFileBytes));
        if (!opened.IsSuccess)
        {
            return await FinishAsync(db, upload, opened.Error, ct);
        }

        using var reader = opened.Value;
        var size = options?.ChunkSize ?? store.Options.ChunkRows(processor.ChunkSize);
        await db.Dialect.BeginBulkAsync(db, ct);
        var chunkIndex = 0;
        try
        {
            var rows = new List<CsvRow>(size);
            foreach (var row in reader.Rows())
            {
                if (row.RowNumber <= upload.LastCommittedRow)
                {
                    continue;
                }

                rows.Add(row);
                if (rows.Count == size)
                {
                    if (!await CommitChunkAsync(run, processor, new UploadChunk(rows), report, options, chunkIndex++, ct))
                    {
                        return await OvertakenAsync(db, upload.Id, ct);
                    }

                    rows = new List<CsvRow>(size);
                }
            }

            if (rows.Count > 0 && !await CommitChunkAsync(run, processor, new UploadChunk(rows), report, options, chunkIndex, ct))
            {
                return await OvertakenAsync(db, upload.Id, ct);
            }
        }
        catch (CsvFileException e)
        {
            // The file changed on disk since it was checked: what was committed stays, the rest is refused.
            return await FinishAsync(db, upload, new Error(e.Code, e.Message, ErrorKind.Validation), ct);
        }
        finally
        {
            await db.Dialect.EndBulkAsync(db);
        }

        return await FinishAsync(db, upload, null, ct);
    }

    /// <summary>Applies one chunk and moves the checkpoint past it; false (nothing applied) when another run of the upload moved it first.</summary>
    private static async Task<bool> CommitChunkAsync(UploadRunContext run, IUploadProcessor processor, UploadChunk chunk, SuccessReport report,
        UploadRunOptions? options, int chunkIndex, CancellationToken ct)
    {
        var db = run.Db;
        if (!processor.InChunkTransaction)
        {
            await processor.ProcessAsync(run, chunk, ct);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var committed = await db.ScalarAsync<int>(UploadStatements.For(db.Dialect).LastCommittedRow, ct, ("@u", run.Upload.Id));
        if (committed != run.Upload.LastCommittedRow)
        {
            return false;
        }

        if (processor.InChunkTransaction)
        {
            if (run.DryRun)
            {
                // A dry run goes through the same statements and takes them back: only the issue rows stay.
                await tx.CreateSavepointAsync("dry_run", ct);
                await processor.ProcessAsync(run, chunk, ct);
                await tx.RollbackToSavepointAsync("dry_run", ct);
            }
            else
            {
                await processor.ProcessAsync(run, chunk, ct);
            }
        }

        await UploadIssueWriter.WriteAsync(db, run.Upload.Id, chunk.Issues, ct);
        var upload = run.Upload;
        // A dry run issues nothing, so it has no success report.
        upload.SuccessReportBytes = run.DryRun ? 0 : await report.AppendAsync(chunk.Issued, ct);
        upload.LastCommittedRow = chunk.Rows[^1].RowNumber;
        upload.ProcessedRows += chunk.Rows.Count;
        upload.SucceededRows += chunk.Succeeded;
        upload.FailedRows += chunk.Failed;
        upload.PartlyIssuedRows += chunk.PartlyIssued;
        await db.SaveChangesAsync(ct);
        options?.BeforeCommit?.Invoke(chunkIndex);
        await tx.CommitAsync(ct);
        // Rows saved through the context must not pile up in its change tracker over a long file.
        db.ChangeTracker.Clear();
        db.Uploads.Attach(upload);
        return true;
    }

    /// <summary>Another run of the upload got ahead of this one (they ran at once): this one stops and leaves it to that one.</summary>
    private static Task<Upload> OvertakenAsync(CouponDbContext db, long uploadId, CancellationToken ct) =>
        db.Uploads.AsNoTracking().FirstAsync(u => u.Id == uploadId, ct);

    private async Task<Upload> FinishAsync(CouponDbContext db, Upload upload, Error? error, CancellationToken ct)
    {
        upload.Status = error is not null ? UploadStatus.Failed : upload.FailedRows + upload.PartlyIssuedRows > 0 ? UploadStatus.CompletedWithIssues : UploadStatus.Completed;
        upload.ErrorCode = error?.Code;
        upload.Error = error?.Message;
        upload.FinishedAt = clock.GetUtcNow();
        AuditLog.Record(db, upload.FinishedAt.Value, upload.RequestedBy, "upload.finished", nameof(Upload), upload.Id, (object?)null,
            new { upload.Kind, upload.OfferId, upload.Status, upload.ProcessedRows, upload.SucceededRows, upload.FailedRows, upload.ErrorCode });
        await db.SaveChangesAsync(ct);
        return upload;
    }
}
