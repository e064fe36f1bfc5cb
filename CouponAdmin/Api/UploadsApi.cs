using CouponAdmin.Core.Access;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Uploads;
using CouponAdmin.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CouponAdmin.Api;

/// <summary>CSV uploads (README, "API"): receive a file, queue its job, report status, issues and issued codes.</summary>
internal static class UploadsApi
{
    public sealed record UploadAccepted(long UploadId);

    public sealed record UploadResponse(long UploadId, string Kind, long? OfferId, string FileName, UploadStatus Status, bool DryRun,
        int TotalRows, int ProcessedRows, int SucceededRows, int FailedRows, int PartlyIssuedRows, string? ErrorCode, string? Error,
        DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

    public static void MapUploadsApi(this RouteGroupBuilder api, long maxFileBytes)
    {
        api.MapPost("/offers/{id:long}/uploads", (long id, string? kind, bool? dryRun, HttpContext http, UploadQueue queue, CancellationToken ct) =>
                ReceiveAsync(UploadLayouts.Parse(kind, forOffer: true), kind, id, dryRun ?? false, http, queue, maxFileBytes, ct))
            .AcceptsUploadedFile(maxFileBytes);

        api.MapPost("/org/uploads", (string? kind, bool? dryRun, HttpContext http, UploadQueue queue, CancellationToken ct) =>
                ReceiveAsync(UploadLayouts.Parse(kind, forOffer: false), kind, null, dryRun ?? false, http, queue, maxFileBytes, ct))
            .AcceptsUploadedFile(maxFileBytes);

        api.MapGet("/uploads/{uploadId:long}", async Task<Results<Ok<UploadResponse>, ProblemHttpResult>> (long uploadId, UploadQueries uploads, CancellationToken ct) =>
                await uploads.GetAsync(uploadId, ct) is { } upload ? TypedResults.Ok(ToResponse(upload)) : ApiResults.Problem(UploadQueries.NotFound(uploadId)))
            .WithTags("Uploads").RequireScope(ApiScopes.Admin);

        api.MapGet("/uploads/{uploadId:long}/issues.csv", UploadDownloads.IssuesAsync).WithTags("Uploads").RequireScope(ApiScopes.Admin);
        api.MapGet("/uploads/{uploadId:long}/issued.csv", UploadDownloads.IssuedAsync).WithTags("Uploads").RequireScope(ApiScopes.Admin);
        api.MapGet("/uploads/templates/{kind}.csv", (string kind, bool? org) => UploadDownloads.Template(kind, org == true))
            .WithTags("Uploads").RequireScope(ApiScopes.Admin);
    }

    /// <summary>An upload endpoint: admin scope, a multipart body up to the file limit plus room for the form.</summary>
    private static RouteHandlerBuilder AcceptsUploadedFile(this RouteHandlerBuilder endpoint, long maxFileBytes) =>
        endpoint.WithTags("Uploads").RequireScope(ApiScopes.Admin).DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: maxFileBytes + FormMargin)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(maxFileBytes + FormMargin));

    private const long FormMargin = 1 << 20;

    private static async Task<IResult> ReceiveAsync(UploadKind? kind, string? kindName, long? offerId, bool dryRun, HttpContext http, UploadQueue queue,
        long maxFileBytes, CancellationToken ct)
    {
        if (kind is null)
        {
            return ApiResults.Invalid("kind", $"'{kindName}' is not an upload kind here: use {string.Join(", ", KindNames(offerId is not null))}.");
        }

        if (!http.Request.HasFormContentType)
        {
            return ApiResults.Invalid("file", "Send the file as multipart/form-data in the field 'file'.", ErrorCodes.InvalidFile);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            // The form reader stops at the body limit (the file limit plus room for the form), or at a broken form.
            return e is BadHttpRequestException || http.Request.ContentLength is null || http.Request.ContentLength > maxFileBytes
                ? ApiResults.Problem(UploadStore.TooLarge(maxFileBytes))
                : ApiResults.Invalid("file", $"The request is not a readable multipart form: {e.Message}", ErrorCodes.InvalidFile);
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return ApiResults.Invalid("file", "The multipart field 'file' is missing.", ErrorCodes.InvalidFile);
        }

        await using var content = file.OpenReadStream();
        var started = await queue.SubmitAsync(new StartUploadRequest(kind.Value, offerId, file.FileName, content, dryRun), http.Actor(), ct);
        return started.IsSuccess
            ? TypedResults.Accepted($"/api/v1/uploads/{started.Value.Id}", new UploadAccepted(started.Value.Id))
            : ApiResults.Problem(started.Error);
    }

    private static IEnumerable<string> KindNames(bool forOffer) =>
        (forOffer ? UploadLayouts.OfferKinds : UploadLayouts.OrgKinds).Select(k => UploadLayouts.For(k).Kind);

    public static UploadResponse ToResponse(Upload u) =>
        new(u.Id, UploadLayouts.For(u.Kind).Kind, u.OfferId, u.FileName, u.Status, u.DryRun, u.TotalRows, u.ProcessedRows, u.SucceededRows, u.FailedRows, u.PartlyIssuedRows,
            u.ErrorCode, u.Error, u.CreatedAt, u.FinishedAt);
}
