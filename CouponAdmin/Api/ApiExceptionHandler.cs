using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace CouponAdmin.Api;

/// <summary>
/// For /api only: a body the server cannot read becomes a 400 naming the field and what was wrong with it;
/// anything else unexpected becomes a 500 problem (never the UI's error page, which a POS would take for success).
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        var result = exception is BadHttpRequestException bad
            ? BadRequest(bad)
            : ApiResults.Problem(StatusCodes.Status500InternalServerError, "INTERNAL_ERROR", "The server failed to handle the request; it has been logged.");
        if (exception is not BadHttpRequestException)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        }

        await result.ExecuteAsync(http);
        return true;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult BadRequest(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", ApiSetup.TooLargeMessage);
        }

        if (bad.InnerException is JsonException json)
        {
            var path = FieldPath(json.Path);
            var message = $"The value at '{path}' cannot be read: {FirstSentence(json.Message)}";
            return string.IsNullOrEmpty(path)
                ? ApiResults.Problem(StatusCodes.Status400BadRequest, "INVALID_REQUEST", $"The body is not valid JSON: {FirstSentence(json.Message)}")
                : ApiResults.Invalid(path, message, "INVALID_REQUEST");
        }

        return ApiResults.Problem(StatusCodes.Status400BadRequest, "INVALID_REQUEST", bad.Message);
    }

    /// <summary>"$.coupon.generation.method" → "coupon.generation.method".</summary>
    private static string FieldPath(string? jsonPath) =>
        (jsonPath ?? "").TrimStart('$').TrimStart('.');

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
