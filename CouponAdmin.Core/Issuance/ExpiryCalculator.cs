using CouponAdmin.Core.Offers;

namespace CouponAdmin.Core.Issuance;

public static class ExpiryCalculator
{
    private static readonly TimeOnly EndOfDay = new(23, 59, 59);

    // The last local date whose end of day is still a representable DateTimeOffset in every zone.
    private static readonly DateOnly LastDate = DateOnly.MaxValue.AddDays(-2);

    /// <summary>
    /// When a coupon issued at <paramref name="issuedAt"/> expires, or null when it never does (an open-ended
    /// offer with "along with the offer").
    /// </summary>
    /// <remarks>
    /// "End of day" is 23:59:59 exactly, local wall time in the org's zone, and a coupon is valid up to and
    /// including that second. Days and months count from the issue date in the org's zone, not UTC. When the
    /// clocks go back over 23:59:59 the later occurrence counts; when they jump over it, the last second before
    /// the jump. The result carries the org zone's offset at that instant and is never after the offer's end.
    /// </remarks>
    public static DateTimeOffset? ExpiresAt(DateTimeOffset issuedAt, ExpirySettings rule, DateTimeOffset? offerEnd, TimeZoneInfo orgZone)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(orgZone);

        var end = offerEnd is { } e ? TimeZoneInfo.ConvertTime(e, orgZone) : (DateTimeOffset?)null;
        if (rule.Mode == ExpiryMode.WithOffer)
        {
            return end;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(rule.Value, nameof(rule));
        var issueDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(issuedAt, orgZone).DateTime);
        var lastDay = rule.Mode switch
        {
            ExpiryMode.DaysFromIssual => AddDays(issueDate, rule.Value),
            ExpiryMode.MonthEndsFromIssual => LastDayOfMonth(issueDate, rule.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Mode, "Unknown expiry mode."),
        };

        var expiry = EndOf(lastDay, orgZone);
        return end is { } cap && cap < expiry ? cap : expiry;
    }

    private static DateOnly AddDays(DateOnly date, int days) =>
        days >= LastDate.DayNumber - date.DayNumber ? LastDate : date.AddDays(days);

    private static DateOnly LastDayOfMonth(DateOnly date, int months)
    {
        var monthIndex = Math.Min((date.Year * 12L) + date.Month - 1 + months, (LastDate.Year * 12L) + LastDate.Month - 2);
        var first = new DateOnly((int)(monthIndex / 12), (int)(monthIndex % 12) + 1, 1);
        return first.AddMonths(1).AddDays(-1);
    }

    private static DateTimeOffset EndOf(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(EndOfDay);
        if (zone.IsInvalidTime(local))
        {
            // Clocks jump on whole minutes, so stepping back a minute at a time from hh:mm:59 ends on the gap's last second.
            do
            {
                local = local.AddMinutes(-1);
            }
            while (zone.IsInvalidTime(local));
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Min() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
