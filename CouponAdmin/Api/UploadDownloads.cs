using System.Security.Claims;
using CouponAdmin.Components.Shared;
using CouponAdmin.Core.Access;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Uploads;

namespace CouponAdmin.Api;

/// <summary>The files an upload offers for download (issue report, issued codes, templates), for the API and the screens alike.</summary>
internal static class UploadDownloads
{
    public static async Task<IResult> IssuesAsync(long uploadId, UploadQueries uploads, CancellationToken ct) =>
        await uploads.GetAsync(uploadId, ct) is null
            ? ApiResults.Problem(UploadQueries.NotFound(uploadId))
            : new CsvDownload($"upload-{uploadId}-issues.csv", CsvDownload.Text((w, token) => uploads.WriteIssuesCsvAsync(uploadId, w, token)));

    public static async Task<IResult> IssuedAsync(long uploadId, UploadQueries uploads, CancellationToken ct) =>
        await uploads.GetAsync(uploadId, ct) is { } upload
            ? new CsvDownload($"upload-{uploadId}-issued.csv", (stream, token) => uploads.WriteSuccessCsvAsync(upload, stream, token))
            : ApiResults.Problem(UploadQueries.NotFound(uploadId));

    public static IResult Template(string kind, bool org) =>
        UploadLayouts.Parse(kind, forOffer: !org) is { } k
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(UploadLayouts.Template(k)), "text/csv", $"{kind}-template.csv")
            : ApiResults.Problem(StatusCodes.Status404NotFound, ErrorCodes.InvalidFile, $"There is no upload kind '{kind}'.");

    /// <summary>
    /// The same downloads for signed-in users of the Uploads screens (cookie, not API key), by the permission of the
    /// screen the upload belongs to: an offer's uploads for those who upload to offers, org-wide ones for org uploads.
    /// </summary>
    public static WebApplication MapUploadDownloads(this WebApplication app)
    {
        var screens = app.MapGroup("/downloads/uploads").RequireAuthorization().ExcludeFromDescription();
        screens.MapGet("/{uploadId:long}/issues.csv", (long uploadId, ClaimsPrincipal user, UploadQueries uploads, CancellationToken ct) =>
            AllowedAsync(uploadId, user, uploads, () => IssuesAsync(uploadId, uploads, ct), ct));
        screens.MapGet("/{uploadId:long}/issued.csv", (long uploadId, ClaimsPrincipal user, UploadQueries uploads, CancellationToken ct) =>
            AllowedAsync(uploadId, user, uploads, () => IssuedAsync(uploadId, uploads, ct), ct));
        screens.MapGet("/templates/{kind}.csv", (string kind, bool? org, ClaimsPrincipal user) =>
            user.May(org == true ? Permission.OrgUploads : Permission.UploadOfferFiles) ? Template(kind, org == true) : Results.Forbid());
        return app;
    }

    /// <summary>Which permission an upload's reports need: the one of the screen that shows it.</summary>
    public static Permission PermissionFor(Upload upload) => upload.OfferId is null ? Permission.OrgUploads : Permission.UploadOfferFiles;

    private static async Task<IResult> AllowedAsync(long uploadId, ClaimsPrincipal user, UploadQueries uploads, Func<Task<IResult>> download, CancellationToken ct)
    {
        var upload = await uploads.GetAsync(uploadId, ct);
        return upload is not null && !user.May(PermissionFor(upload)) ? Results.Forbid() : await download();
    }
}
