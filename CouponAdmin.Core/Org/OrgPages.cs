using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Org;

/// <summary>
/// The org's set-up data a page at a time, for the API (<c>GET /org/entities</c>, <c>GET /org/exchange-rates</c>):
/// a list the API serves never grows with the data. Screens that need every entity (the store picker) use
/// <see cref="OrgSetup"/>.
/// </summary>
public sealed class OrgPages(IDbContextFactory<CouponDbContext> dbFactory)
{
    /// <summary>Org entities (of one type, when given) by type, then id.</summary>
    public async Task<Page<OrgEntity>> EntitiesAsync(OrgEntityType? type, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.OrgEntities.AsNoTracking();
        if (type is { } t)
        {
            query = query.Where(e => e.Type == t);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(e => e.Type).ThenBy(e => e.EntityId).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<OrgEntity>(items, total);
    }

    /// <summary>Exchange rates by source, then target currency.</summary>
    public async Task<Page<ExchangeRate>> ExchangeRatesAsync(PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var total = await db.ExchangeRates.CountAsync(ct);
        var items = await db.ExchangeRates.AsNoTracking().OrderBy(r => r.From).ThenBy(r => r.To).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<ExchangeRate>(items, total);
    }
}
