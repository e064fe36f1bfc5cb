namespace CouponAdmin.Core.Reporting;

/// <summary>One org day of counts.</summary>
public sealed record DayFigures(DateOnly Day, long Issued, long Redeemed, long Reversed, long Revoked);

/// <summary>Counts over a period; <see cref="Redeemed"/> is net of the reversals made in it.</summary>
public sealed record PeriodFigures(long Issued, long Redeemed, long Revoked)
{
    public static PeriodFigures Of(IEnumerable<DayFigures> days)
    {
        var list = days.ToList();
        return new(list.Sum(d => d.Issued), list.Sum(d => d.Redeemed - d.Reversed), list.Sum(d => d.Revoked));
    }
}

/// <summary>Reads the per-day counts of the last 30 org days (today included), every day present even when empty.</summary>
internal static class DailyFigures
{
    public const int Days = 30;

    public static async Task<List<DayFigures>> LastDaysAsync(IQueryable<OfferDailyCount> counts, DateOnly today, CancellationToken ct)
    {
        var from = today.AddDays(-(Days - 1));
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            counts.Where(c => c.Day >= from && c.Day <= today)
                .GroupBy(c => c.Day)
                .Select(g => new DayFigures(g.Key, g.Sum(c => c.Issued), g.Sum(c => c.Redeemed), g.Sum(c => c.Reversed), g.Sum(c => c.Revoked))), ct);
        var byDay = rows.ToDictionary(r => r.Day);
        return [.. Enumerable.Range(0, Days).Select(i => from.AddDays(i)).Select(d => byDay.GetValueOrDefault(d) ?? new DayFigures(d, 0, 0, 0, 0))];
    }
}
