using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;

namespace CouponAdmin.Core.Notifications;

/// <summary>One expiry day of a reminder: coupons expiring in [<see cref="ExpiresFrom"/>, <see cref="ExpiresBefore"/>) are due at <see cref="Moment"/>.</summary>
public sealed record ReminderWindow(DateOnly ExpiryDate, DateTimeOffset Moment, DateTimeOffset ExpiresFrom, DateTimeOffset ExpiresBefore);

/// <summary>
/// When expiry reminders are due. A reminder "N days before at HH:mm" is due, for a coupon expiring on local day D, at
/// HH:mm on D − N on the org's wall clock. The moment is monotonic in the expiry instant, so the coupons due in any span
/// of time are a few ranges of ExpiresAt (one per expiry day) — an index range scan, never a per-coupon computation.
/// Days start and times fall by the org's zone, so a daylight-saving change moves the moment in UTC, never the wall time.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>The furthest ahead a reminder may be set.</summary>
    public const int MaxDaysBefore = 365;

    public static DateTimeOffset MomentFor(DateOnly expiryDate, ReminderSettings reminder, TimeZoneInfo zone) =>
        OrgLocalTime.At(expiryDate.AddDays(-reminder.DaysBefore), reminder.At, zone);

    public static DateTimeOffset MomentFor(DateTimeOffset expiresAt, ReminderSettings reminder, TimeZoneInfo zone) =>
        MomentFor(OrgLocalTime.Of(expiresAt, zone).Date, reminder, zone);

    /// <summary>The expiry days whose reminder moment lies in (<paramref name="after"/>, <paramref name="upTo"/>], oldest first.</summary>
    public static IReadOnlyList<ReminderWindow> Windows(ReminderSettings reminder, DateTimeOffset after, DateTimeOffset upTo, TimeZoneInfo zone)
    {
        var windows = new List<ReminderWindow>();
        if (reminder.DaysBefore is < 0 or > MaxDaysBefore || upTo <= after)
        {
            return windows;
        }

        // A moment falls on the local day D − N: scan the expiry days around the span's local days (a day either side
        // covers times of day beyond a short span's ends and zones whose days are not 24 hours).
        var first = OrgLocalTime.Of(after, zone).Date.AddDays(reminder.DaysBefore - 1);
        var last = OrgLocalTime.Of(upTo, zone).Date.AddDays(reminder.DaysBefore + 1);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var moment = MomentFor(day, reminder, zone);
            if (moment > after && moment <= upTo)
            {
                windows.Add(new ReminderWindow(day, moment, StartOf(day, zone), StartOf(day.AddDays(1), zone)));
            }
        }

        return windows;
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone) => OrgLocalTime.At(day, TimeOnly.MinValue, zone);
}
