namespace CouponAdmin.Core.Notifications;

/// <summary>
/// How far the reminder job has looked for one reminder of an offer: moments up to <see cref="DoneUntil"/> have had
/// their messages written, so a run only scans what is new since (plus a short overlap).
/// </summary>
public sealed class ReminderCursor
{
    public long OfferId { get; set; }
    public string ReminderKey { get; set; } = "";
    public DateTimeOffset DoneUntil { get; set; }
}
