using CouponAdmin.Core.Notifications;
using MudBlazor;

namespace CouponAdmin.Components.Pages.Outbox;

/// <summary>The words and colours the Outbox screens use for messages.</summary>
internal static class OutboxText
{
    public static Color StatusColor(MessageStatus status) => status switch
    {
        MessageStatus.Sent => Color.Success,
        MessageStatus.Failed => Color.Error,
        MessageStatus.Skipped => Color.Warning,
        MessageStatus.Sending => Color.Info,
        _ => Color.Default,
    };

    public static string Kind(MessageKind kind) => kind switch
    {
        MessageKind.Reminder => "Expiry reminder",
        MessageKind.IssualAlert => "Issual-limit alert",
        _ => "Resend",
    };

    public static string Channel(MessageChannel channel) => channel == MessageChannel.Sms ? "SMS" : "E-mail";

    public static string Recipient(string recipient) => recipient.Length == 0 ? "(none)" : recipient;
}
