using CouponAdmin.Core.Access;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Uploads;
using CouponAdmin.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CouponAdmin.Api;

/// <summary>CSV uploads (API.md "Uploads"): receive a file, queue its job, report status, issues and issued codes.</summary>
internal static class UploadsApi
{
    public sealed record UploadAccepted(long UploadId);

    public sealed record UploadResponse(long UploadId, string Kind, long? OfferId, string FileName, UploadStatus Status, bool DryRun,
        int TotalRows, int ProcessedRows, int SucceededRows, int FailedRows, string? ErrorCode, string? Error,
        DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

    public static void MapUploadsApi(this RouteGroupBuilder api, long maxFileBytes)
    {
        api.MapPost("/offers/{id:long}/uploads", (long id, string? kind, bool? dryRun, HttpContext http, StartUpload start, IBackgroundJobClient jobs,
                CancellationToken ct) => ReceiveAsync(UploadLayouts.Parse(kind, forOffer: true), kind, id, dryRun ?? false, http, start, jobs, ct))
            .WithTags("Uploads").RequireScope(ApiScopes.Admin).DisableAntiforgery().WithFormOptions(multipartBodyLengthLimit: maxFileBytes + (1 << 20))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(maxFileBytes + (1 << 20)));

        api.MapPost("/org/uploads", (string? kind, bool? dryRun, HttpContext http, StartUpload start, IBackgroundJobClient jobs, CancellationToken ct) =>
                ReceiveAsync(UploadLayouts.Parse(kind, forOffer: false), kind, null, dryRun ?? false, http, start, jobs, ct))
            .WithTags("Uploads").RequireScope(ApiScopes.Admin).DisableAntiforgery().WithFormOptions(multipartBodyLengthLimit: maxFileBytes + (1 << 20))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(maxFileBytes + (1 << 20)));

        api.MapGet("/uploads/{uploadId:long}", async Task<Results<Ok<UploadResponse>, ProblemHttpResult>> (long uploadId, UploadQueries uploads, CancellationToken ct) =>
                await uploads.GetAsync(uploadId, ct) is { } upload ? TypedResults.Ok(ToResponse(upload)) : ApiResults.Problem(UploadQueries.NotFound(uploadId)))
            .WithTags("Uploads").RequireScope(ApiScopes.Admin);

        api.MapGet("/uploads/{uploadId:long}/issues.csv", async (long uploadId, UploadQueries uploads, HttpContext http, CancellationToken ct) =>
        {
            if (await uploads.GetAsync(uploadId, ct) is null)
            {
                return (IResult)ApiResults.Problem(UploadQueries.NotFound(uploadId));
            }

            return new CsvDownload($"upload-{uploadId}-issues.csv", (stream, token) => WriteTextAsync(stream, w => uploads.WriteIssuesCsvAsync(uploadId, w, token)));
        }).WithTags("Uploads").RequireScope(ApiScopes.Admin);

        api.MapGet("/uploads/{uploadId:long}/issued.csv", async (long uploadId, UploadQueries uploads, CancellationToken ct) =>
            await uploads.GetAsync(uploadId, ct) is { } upload
                ? new CsvDownload($"upload-{uploadId}-issued.csv", (stream, token) => uploads.WriteSuccessCsvAsync(upload, stream, token))
                : (IResult)ApiResults.Problem(UploadQueries.NotFound(uploadId)))
            .WithTags("Uploads").RequireScope(ApiScopes.Admin);

        api.MapGet("/uploads/templates/{kind}.csv", (string kind, bool? org) =>
            UploadLayouts.Parse(kind, forOffer: org != true) is { } k
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(UploadLayouts.Template(k)), "text/csv", $"{kind}-template.csv")
                : ApiResults.Problem(StatusCodes.Status404NotFound, ErrorCodes.InvalidFile, $"There is no upload kind '{kind}'."))
            .WithTags("Uploads").RequireScope(ApiScopes.Admin);
    }

    private static async Task<IResult> ReceiveAsync(UploadKind? kind, string? kindName, long? offerId, bool dryRun, HttpContext http, StartUpload start,
        IBackgroundJobClient jobs, CancellationToken ct)
    {
        if (kind is null)
        {
            return ApiResults.Invalid("kind", $"'{kindName}' is not an upload kind here: use {string.Join(", ", KindNames(offerId is not null))}.");
        }

        if (!http.Request.HasFormContentType)
        {
            return ApiResults.Invalid("file", "Send the file as multipart/form-data in the field 'file'.", ErrorCodes.InvalidFile);
        }

        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { } file)
        {
            return ApiResults.Invalid("file", "The multipart field 'file' is missing.", ErrorCodes.InvalidFile);
        }

        await using var content = file.OpenReadStream();
        var started = await start.ExecuteAsync(new StartUploadRequest(kind.Value, offerId, file.FileName, content, dryRun), http.Actor(), ct);
        if (!started.IsSuccess)
        {
            return ApiResults.Problem(started.Error!);
        }

        var upload = started.Value!;
        jobs.Enqueue<UploadJob>(j => j.RunAsync(upload.Id, CancellationToken.None));
        return TypedResults.Accepted($"/api/v1/uploads/{upload.Id}", new UploadAccepted(upload.Id));
    }

    private static IEnumerable<string> KindNames(bool forOffer) =>
        Enum.GetValues<UploadKind>().Where(k => UploadLayouts.BelongsToOffer(k) == forOffer).Select(k => UploadLayouts.For(k).Kind);

    private static async Task WriteTextAsync(Stream stream, Func<TextWriter, Task> write)
    {
        await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await write(writer);
        await writer.FlushAsync();
    }

    public static UploadResponse ToResponse(Upload u) =>
        new(u.Id, UploadLayouts.For(u.Kind).Kind, u.OfferId, u.FileName, u.Status, u.DryRun, u.TotalRows, u.ProcessedRows, u.SucceededRows, u.FailedRows,
            u.ErrorCode, u.Error, u.CreatedAt, u.FinishedAt);

    /// <summary>A streamed CSV download: rows go out as they are read, never gathered in memory.</summary>
    private sealed class CsvDownload(string fileName, Func<Stream, CancellationToken, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await write(http.Response.Body, http.RequestAborted);
        }
    }
}
