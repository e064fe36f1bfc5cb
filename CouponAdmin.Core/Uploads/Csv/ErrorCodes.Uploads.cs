namespace CouponAdmin.Core.Common;

public static partial class ErrorCodes
{
    // Uploads (the README's error codes: wrong header, not CSV, too large / a row that cannot be read)
    public const string InvalidFile = "INVALID_FILE";
    public const string InvalidRow = "INVALID_ROW";
}
