using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Notifications;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>Literals written into statements from the domain's own values, so no status name is spelled twice.</summary>
internal static class SqlLiteral
{
    /// <summary>A coupon status as its column stores it (the enum's name), quoted: <c>'Issued'</c>.</summary>
    public static string Of(CouponStatus status) => $"'{status}'";

    /// <summary>An outbox message's status as its column stores it (the enum's name), quoted: <c>'Pending'</c>.</summary>
    public static string Of(MessageStatus status) => $"'{status}'";

    /// <summary>An outbox message's kind as its column stores it (the enum's name), quoted: <c>'Reminder'</c>.</summary>
    public static string Of(MessageKind kind) => $"'{kind}'";

    /// <summary>An outbox message's channel as its column stores it (the enum's name), quoted: <c>'Sms'</c>.</summary>
    public static string Of(MessageChannel channel) => $"'{channel}'";
}
