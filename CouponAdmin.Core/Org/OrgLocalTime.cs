namespace CouponAdmin.Core.Org;

/// <summary>Turns a date and time as the org reads them (its time zone's wall clock) into an instant.</summary>
public static class OrgLocalTime
{
    /// <summary>
    /// The instant of <paramref name="date"/> <paramref name="time"/> in <paramref name="zone"/>. A wall time the
    /// clocks skip is moved past the gap; an ambiguous one takes its first occurrence.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The date and time of <paramref name="at"/> on the org's wall clock.</summary>
    public static (DateOnly Date, TimeOnly Time) Of(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }
}
