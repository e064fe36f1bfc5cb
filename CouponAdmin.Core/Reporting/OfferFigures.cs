using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Reporting;

/// <summary>How much of one limit is used; <see cref="Limit"/> null means no limit.</summary>
public sealed record LimitFigure(string Name, long Used, long? Limit, string Explanation)
{
    public long? Remaining => Limit is { } max ? Math.Max(0, max - Used) : null;
}

/// <summary>An offer's totals, its limits and the last 30 days.</summary>
public sealed record OfferFiguresView(PeriodFigures Total, IReadOnlyList<LimitFigure> Limits, IReadOnlyList<DayFigures> Days, string TimeZone);

/// <summary>
/// The figures on an offer's page: totals from its per-day counts, and each limit against what uses it — the issual
/// limit against the series counter, the series redemption limit against the redemptions in force, and the code source
/// (a generated format's capacity, shared by the offers of that format, or the uploaded pool).
/// </summary>
public sealed class OfferFigures(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<OfferFiguresView>> GetAsync(long offerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null)
        {
            return OfferQueries.NotFound(offerId);
        }

        var zone = await OrgTime.ZoneAsync(db, ct);
        var counts = db.OfferDailyCounts.AsNoTracking().Where(c => c.OfferId == offerId);
        var total = await counts.GroupBy(c => c.OfferId)
            .Select(g => new PeriodFigures(g.Sum(c => c.Issued), g.Sum(c => c.Redeemed) - g.Sum(c => c.Reversed), g.Sum(c => c.Revoked)))
            .FirstOrDefaultAsync(ct) ?? new PeriodFigures(0, 0, 0);
        var days = await DailyFigures.LastDaysAsync(counts, OrgLocalTime.Of(clock.GetUtcNow(), zone).Date, ct);
        return new OfferFiguresView(total, await LimitsAsync(db, offer, total, ct), days, zone.Id);
    }

    private static async Task<List<LimitFigure>> LimitsAsync(CouponDbContext db, Offer offer, PeriodFigures total, CancellationToken ct)
    {
        var d = offer.Definition;
        var issued = await db.OfferCounters.Where(c => c.OfferId == offer.Id).Select(c => (long?)c.IssuedCount).FirstOrDefaultAsync(ct) ?? total.Issued;
        var limits = new List<LimitFigure>
        {
            new("Issual limit", issued, d.Issual.TotalLimit, "Coupons issued against the offer's total issual limit."),
            new("Series redemption limit", total.Redeemed, d.Redemption.SeriesLimit, "Redemptions in force against the offer's total redemption limit."),
        };
        if (offer.CodeSpaceId is { } spaceId)
        {
            var space = await db.CodeSpaces.AsNoTracking().FirstAsync(s => s.Id == spaceId, ct);
            var capacity = space.Generator().Capacity;
            limits.Add(new("Code capacity", space.NextCodeIndex, capacity > long.MaxValue ? null : (long)capacity,
                "Codes of this format given out (offers with the same format share them) against every code the format can make."));
        }
        else if (offer.GenerationMethod == GenerationMethod.Uploaded)
        {
            var pool = await db.Coupons.CountAsync(c => c.OfferId == offer.Id && c.TransferSeq == 0, ct);
            var left = await db.Coupons.CountAsync(c => c.OfferId == offer.Id && c.Status == CouponStatus.Unissued, ct);
            limits.Add(new("Uploaded codes", pool - left, pool, "Uploaded codes no longer available (issued or revoked) against the codes uploaded."));
        }

        return limits;
    }
}
