using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Uploads.Csv;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Uploads;

/// <summary>Reads uploads for the API and the Uploads screens: status, lists, the issue report and the success report.</summary>
public sealed class UploadQueries(IDbContextFactory<CouponDbContext> dbFactory, UploadStore store)
{
    public static Error NotFound(long id) => Error.NotFound(ErrorCodes.UploadNotFound, $"No upload has id {id}.");

    public async Task<Upload?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Uploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
    }

    /// <summary>The newest uploads first, of one offer or of the whole org.</summary>
    public async Task<IReadOnlyList<Upload>> ListAsync(long? offerId, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Uploads.AsNoTracking();
        if (offerId is { } id)
        {
            query = query.Where(u => u.OfferId == id);
        }

        return await query.OrderByDescending(u => u.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>Streams <c>row,identifier,code,error,message</c>, cells escaped against formula injection.</summary>
    public async Task WriteIssuesCsvAsync(long uploadId, TextWriter writer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CsvOut.WriteLineAsync(writer, "row", "identifier", "code", "error", "message");
        await foreach (var issue in db.UploadIssues.AsNoTracking().Where(i => i.UploadId == uploadId).OrderBy(i => i.Row).ThenBy(i => i.Id)
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            await CsvOut.WriteLineAsync(writer, issue.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), issue.Identifier, issue.Code,
                issue.Error, issue.Message);
        }
    }

    /// <summary>Streams the codes a <c>customers</c> upload issued (<c>row,identifier,code</c>), only as far as committed.</summary>
    public async Task WriteSuccessCsvAsync(Upload upload, Stream output, CancellationToken ct = default)
    {
        var header = System.Text.Encoding.UTF8.GetBytes(SuccessReport.Header);
        await output.WriteAsync(header, ct);
        var path = store.SuccessReportPath(upload.StoredName);
        if (upload.SuccessReportBytes == 0 || !File.Exists(path))
        {
            return;
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
        var left = upload.SuccessReportBytes;
        var buffer = new byte[1 << 16];
        while (left > 0)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), ct);
            if (read == 0)
            {
                break;
            }

            await output.WriteAsync(buffer.AsMemory(0, read), ct);
            left -= read;
        }
    }

    /// <summary>Uploads not finished (queued, or cut short by a restart): the host queues them again at start-up.</summary>
    public async Task<IReadOnlyList<long>> UnfinishedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Uploads.AsNoTracking()
            .Where(u => u.Status == UploadStatus.Queued || u.Status == UploadStatus.Processing)
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
    }
}
