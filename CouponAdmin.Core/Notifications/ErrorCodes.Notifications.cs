namespace CouponAdmin.Core.Common;

public static partial class ErrorCodes
{
    // Resending
    public const string ResendNotConfigured = "RESEND_NOT_CONFIGURED";
    public const string ResendNotAvailable = "RESEND_NOT_AVAILABLE";
    public const string NoMobile = "NO_MOBILE";
    public const string ResendLimitReached = "RESEND_LIMIT_REACHED";

    // The outbox screen
    public const string MessageNotFound = "MESSAGE_NOT_FOUND";
    public const string MessageNotRetryable = "MESSAGE_NOT_RETRYABLE";
}
