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

    /// <summary>The same downloads for signed-in users of the Uploads screens (cookie, not API key).</summary>
    public static WebApplication MapUploadDownloads(this WebApplication app)
    {
        var screens = app.MapGroup("/downloads/uploads").RequireAuthorization(p => p.RequireRole("Admin", "Ops", "Marketer"));
        screens.MapGet("/{uploadId:long}/issues.csv", IssuesAsync);
        screens.MapGet("/{uploadId:long}/issued.csv", IssuedAsync);
        screens.MapGet("/templates/{kind}.csv", (string kind, bool? org) => Template(kind, org == true));
        return app;
    }
}
