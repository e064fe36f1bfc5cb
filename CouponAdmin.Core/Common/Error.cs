namespace CouponAdmin.Core.Common;

/// <summary>How a refusal maps onto HTTP: the API turns each kind into one status code.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Rule,
    Conflict,

    /// <summary>A per-item rate limit (e.g. resends per coupon per hour): the API answers 429.</summary>
    TooManyRequests,
}

/// <summary>A problem with one input field, addressed by its JSON path (e.g. <c>redemption.codeLimit</c>).</summary>
public sealed record FieldError(string Path, string Message);

/// <summary>An expected refusal: a stable code, a message naming the value at fault, and field errors for 400s.</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind, IReadOnlyList<FieldError>? Fields = null)
{
    public static Error Validation(IReadOnlyList<FieldError> fields) =>
        new(ErrorCodes.ValidationFailed,
            fields.Count == 1 ? fields[0].Message : $"{fields.Count} settings are invalid: {string.Join(" ", fields.Select(f => $"{f.Path}: {f.Message}"))}",
            ErrorKind.Validation, fields);

    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    public static Error Rule(string code, string message) => new(code, message, ErrorKind.Rule);
}
