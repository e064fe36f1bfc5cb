using System.Globalization;
using CouponAdmin.Core.Org;

namespace CouponAdmin.Components.Pages.Incentives.Wizard;

/// <summary>How the wizard's text boxes read and show lists and dates (the org's wall clock); no offer rules here.</summary>
internal static class WizardInputs
{
    private const string DateFormat = "yyyy-MM-dd";

    public static List<string> SplitList(string? text) =>
        [.. (text ?? "").Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static string JoinList(IEnumerable<string> items) => string.Join(", ", items);

    public static string? DateText(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } moment ? OrgLocalTime.Of(moment, zone).Date.ToString(DateFormat, CultureInfo.InvariantCulture) : null;

    public static string? TimeText(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } moment ? OrgLocalTime.Of(moment, zone).Time.ToString("HH:mm", CultureInfo.InvariantCulture) : null;

    /// <summary>A typed date at a wall-clock time in the org's zone, or null when the box is empty or unreadable.</summary>
    public static DateTimeOffset? ParseDate(string? text, TimeOnly time, TimeZoneInfo zone) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? OrgLocalTime.At(date, time, zone)
            : null;

    public static DateOnly? ParseDateOnly(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string? DateOnlyText(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>A wall-clock time <paramref name="days"/> days after today in the org's zone: the defaults the screens start from.</summary>
    public static DateTimeOffset DaysFromToday(DateTimeOffset now, int days, TimeOnly time, TimeZoneInfo zone) =>
        OrgLocalTime.At(OrgLocalTime.Of(now, zone).Date.AddDays(days), time, zone);

    public static readonly TimeOnly StartOfDay = new(0, 0);
    public static readonly TimeOnly EndOfDay = new(23, 59, 59);
}
