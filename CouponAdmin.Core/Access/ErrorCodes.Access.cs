namespace CouponAdmin.Core.Common;

public static partial class ErrorCodes
{
    // Accounts (Settings › Users)
    public const string UserNotFound = "USER_NOT_FOUND";
    public const string DuplicateUser = "DUPLICATE_USER";
    public const string InvalidEmail = "INVALID_EMAIL";
    public const string InvalidPassword = "INVALID_PASSWORD";
    public const string InvalidRoles = "INVALID_ROLES";
    public const string LastAdmin = "LAST_ADMIN";
}
