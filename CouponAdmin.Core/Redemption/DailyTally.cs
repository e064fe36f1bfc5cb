using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Reporting;

namespace CouponAdmin.Core.Redemption;

/// <summary>The redemptions of one write transaction counted per offer and org day, added to the daily counts in one upsert each before it commits.</summary>
internal sealed class DailyTally
{
    private readonly Dictionary<(long OfferId, string Day), long> _redeemed = [];

    public void Redeemed(long offerId, DateTimeOffset at, TimeZoneInfo zone)
    {
        var key = (offerId, DailyCounts.DayOf(at, zone));
        _redeemed[key] = _redeemed.GetValueOrDefault(key) + 1;
    }

    public async Task FlushAsync(SqlSession s, CancellationToken ct)
    {
        foreach (var ((offerId, day), count) in _redeemed)
        {
            await DailyCounts.AddRedeemedAsync(s, offerId, day, count, ct);
        }

        _redeemed.Clear();
    }
}
