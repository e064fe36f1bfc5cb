namespace CouponAdmin.Api;

/// <summary>A streamed CSV download: rows go out as they are read, never gathered in memory.</summary>
internal sealed class CsvDownload(string fileName, Func<Stream, CancellationToken, Task> write) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "text/csv; charset=utf-8";
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await write(httpContext.Response.Body, httpContext.RequestAborted);
    }

    /// <summary>Writes text through a UTF-8 writer (no BOM) that is flushed before the response ends.</summary>
    public static Func<Stream, CancellationToken, Task> Text(Func<TextWriter, CancellationToken, Task> write) => async (stream, ct) =>
    {
        await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await write(writer, ct);
        await writer.FlushAsync(ct);
    };
}
