using CouponAdmin.Core.Common;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Offers;

/// <summary>A row of the Incentives list.</summary>
public sealed record OfferListItem(long Id, string Name, OfferStatus Status, GenerationMethod GenerationMethod, IssuedBy IssuedBy,
    DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, DateTimeOffset UpdatedAt);

public enum OfferSort { UpdatedDesc, NameAsc, NameDesc, StatusAsc }

public sealed record OfferListQuery(string? Search = null, IReadOnlyCollection<OfferStatus>? Statuses = null,
    OfferSort Sort = OfferSort.UpdatedDesc, int Skip = 0, int Take = 25);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Reads offers: one by id, a page for the list, and the series filter by org entity.</summary>
public sealed class OfferQueries(IDbContextFactory<CouponDbContext> dbFactory)
{
    public const int MaxPageSize = PageRequest.MaxDocuments;
    public const int MaxFilterIds = 100;

    /// <summary>The names of the given offers, for lists that mention offers by id.</summary>
    public async Task<IReadOnlyDictionary<long, string>> NamesAsync(IEnumerable<long> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Offers.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    public async Task<Result<Offer>> GetAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var offer = await db.Offers.AsNoTracking().Include(o => o.OrgEntities).FirstOrDefaultAsync(o => o.Id == id, ct);
        return offer is null ? NotFound(id) : offer;
    }

    public async Task<Page<OfferListItem>> ListAsync(OfferListQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (offers, total) = await FilterAsync(db, query, ct);
        var items = await offers
            .Select(o => new OfferListItem(o.Id, o.Name, o.Status, o.GenerationMethod, o.IssuedBy, o.ValidFrom, o.ValidUntil, o.UpdatedAt))
            .ToListAsync(ct);
        return new Page<OfferListItem>(items, total);
    }

    /// <summary>The same page as <see cref="ListAsync"/>, with every setting of each offer.</summary>
    public async Task<Page<Offer>> ListDetailedAsync(OfferListQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (offers, total) = await FilterAsync(db, query, ct);
        return new Page<Offer>(await offers.Include(o => o.OrgEntities).ToListAsync(ct), total);
    }

    private static async Task<(IQueryable<Offer> Page, int Total)> FilterAsync(CouponDbContext db, OfferListQuery query, CancellationToken ct)
    {
        var offers = db.Offers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            offers = long.TryParse(term, out var id)
                ? offers.Where(o => o.Id == id || EF.Functions.Like(o.Name, $"%{term}%"))
                : offers.Where(o => EF.Functions.Like(o.Name, $"%{term}%"));
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            offers = offers.Where(o => statuses.Contains(o.Status));
        }

        var total = await offers.CountAsync(ct);
        offers = query.Sort switch
        {
            OfferSort.NameAsc => offers.OrderBy(o => o.Name).ThenBy(o => o.Id),
            OfferSort.NameDesc => offers.OrderByDescending(o => o.Name).ThenBy(o => o.Id),
            OfferSort.StatusAsc => offers.OrderBy(o => o.Status).ThenByDescending(o => o.Id),
            _ => offers.OrderByDescending(o => o.UpdatedAt).ThenByDescending(o => o.Id),
        };
        return (offers.Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, MaxPageSize)), total);
    }

    /// <summary>
    /// A page of the offers tagged with exactly one of the given entities: a zone matches offers tagged to that zone,
    /// not offers tagged to the stores inside it. Unknown ids simply match nothing; more than
    /// <see cref="MaxFilterIds"/> ids is a validation error.
    /// </summary>
    public async Task<Result<Page<Offer>>> FindByOrgEntityAsync(OrgEntityType type, IReadOnlyCollection<string> ids, int skip, int take, CancellationToken ct = default)
    {
        var wanted = ids.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct().ToList();
        if (wanted.Count > MaxFilterIds)
        {
            return Error.Validation([new FieldError("orgEntityIds",
                $"Filter by at most {MaxFilterIds} ids (got {wanted.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}).")]);
        }

        if (wanted.Count == 0)
        {
            return new Page<Offer>([], 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tagged = db.Offers.AsNoTracking().Where(o => o.OrgEntities.Any(e => e.EntityType == type && wanted.Contains(e.EntityId)));
        var total = await tagged.CountAsync(ct);
        var items = await tagged.Include(o => o.OrgEntities).OrderBy(o => o.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(ct);
        return new Page<Offer>(items, total);
    }

    internal static Error NotFound(long id) => Error.NotFound(ErrorCodes.OfferNotFound, $"There is no offer {id}.");
}
