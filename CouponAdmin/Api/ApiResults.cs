using CouponAdmin.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CouponAdmin.Api;

/// <summary>Maps Core refusals onto RFC 7807 problem details with the stable <c>code</c> extension.</summary>
internal static class ApiResults
{
    public static ProblemHttpResult Problem(Error error)
    {
        var status = error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Fields is { Count: > 0 } fields)
        {
            extensions["errors"] = fields.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray());
        }

        return TypedResults.Problem(detail: error.Message, statusCode: status, title: Title(status), extensions: extensions);
    }

    public static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: Title(status), extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>429 RATE_LIMITED with a Retry-After header in whole seconds (at least one).</summary>
    public static ProblemHttpResult RateLimited(HttpContext http, TimeSpan retryAfter, string detail)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status429TooManyRequests, "RATE_LIMITED", detail);
    }

    public static ProblemHttpResult Invalid(string path, string message, string code = ErrorCodes.ValidationFailed) =>
        Problem(Error.Validation([new FieldError(path, message)]) with { Code = code });

    public static string CodeForStatus(int status) => status switch
    {
        400 => "INVALID_REQUEST",
        401 => "UNAUTHORIZED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        405 => "METHOD_NOT_ALLOWED",
        409 => "CONFLICT",
        413 => "REQUEST_TOO_LARGE",
        415 => "UNSUPPORTED_MEDIA_TYPE",
        429 => "RATE_LIMITED",
        _ => "INTERNAL_ERROR",
    };

    private static string Title(int status) => status switch
    {
        400 => "The request is invalid.",
        401 => "Authentication is required.",
        403 => "Not allowed.",
        404 => "Not found.",
        409 => "Conflict.",
        422 => "Refused by a business rule.",
        413 => "The request is too large.",
        429 => "Too many requests.",
        _ => "Error.",
    };
}
