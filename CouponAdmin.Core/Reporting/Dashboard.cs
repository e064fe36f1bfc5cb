using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Uploads;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Reporting;

/// <summary>The org at a glance: what is live, what happened today and in the last 30 days, and what needs a look.</summary>
public sealed record DashboardFigures(int ActiveOffers, PeriodFigures Today, PeriodFigures Last30Days, int UploadsRunning, int UploadsWithIssues,
    IReadOnlyList<DayFigures> Days, string TimeZone);

/// <summary>
/// The home page's figures, from set-based reads that stay small however many coupons exist: the per-day counts of the
/// last 30 days (a few rows per offer per day), and indexed counts of offers and uploads.
/// </summary>
public sealed class Dashboard(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public async Task<DashboardFigures> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var zone = await OrgTime.ZoneAsync(db, ct);
        var now = clock.GetUtcNow();
        var today = OrgLocalTime.Of(now, zone).Date;
        var days = await DailyFigures.LastDaysAsync(db.OfferDailyCounts.AsNoTracking(), today, ct);
        var since = now.AddDays(-DailyFigures.Days);
        return new DashboardFigures(
            await db.Offers.CountAsync(o => o.Status == OfferStatus.Active, ct),
            PeriodFigures.Of(days.TakeLast(1)),
            PeriodFigures.Of(days),
            await db.Uploads.CountAsync(u => u.Status == UploadStatus.Queued || u.Status == UploadStatus.Processing, ct),
            await db.Uploads.CountAsync(u => u.Status == UploadStatus.CompletedWithIssues && u.CreatedAt >= since, ct),
            days,
            zone.Id);
    }
}
