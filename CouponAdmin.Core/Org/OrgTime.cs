using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Org;

/// <summary>The org's time zone, which decides every "end of day", day of the week and hour of the day.</summary>
public static class OrgTime
{
    public static async Task<TimeZoneInfo> ZoneAsync(CouponDbContext db, CancellationToken ct) =>
        Zone(await db.OrgSettings.AsNoTracking().Select(s => s.TimeZone).FirstOrDefaultAsync(ct));

    /// <summary>The zone a stored id names; UTC when the org has none yet (or the id is unknown to this machine).</summary>
    public static TimeZoneInfo Zone(string? id) => id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
