using CouponAdmin.Core.Issuance;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>Literals written into statements from the domain's own values, so no status name is spelled twice.</summary>
internal static class SqlLiteral
{
    /// <summary>A coupon status as its column stores it (the enum's name), quoted: <c>'Issued'</c>.</summary>
    public static string Of(CouponStatus status) => $"'{status}'";
}
