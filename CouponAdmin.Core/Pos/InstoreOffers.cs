using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Redemption;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Pos;

/// <summary>An offer as a till shows and applies it: what it gives, on which bills, days and hours, and when.</summary>
public sealed record InstoreOffer(long Id, string Name, string? Description, DiscountSettings Discount, IReadOnlyList<string> Products,
    decimal? MinBill, decimal? MaxBill, IReadOnlyList<DayOfWeek> DaysOfWeek, IReadOnlyList<int> DaysOfMonth, IReadOnlyList<int> Hours,
    DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, DateTimeOffset? RedemptionStartsAt, DateTimeOffset UpdatedAt);

/// <summary>
/// The offers of one store. <see cref="Full"/>: the whole list, which replaces what the till holds; otherwise the
/// offers changed since the till last asked (<see cref="Offers"/> to add or replace, <see cref="Removed"/> to drop).
/// <see cref="AsOf"/> is what the till sends as <c>changedSince</c> next time.
/// </summary>
public sealed record InstoreFeed(string StoreId, string TimeZone, string BaseCurrency, string? Currency, DateTimeOffset AsOf, bool Full,
    IReadOnlyList<InstoreOffer> Offers, IReadOnlyList<long> Removed);

/// <summary>
/// How far a delta reaches back before <c>changedSince</c> (<c>Instore:ChangedSinceOverlapSeconds</c>, default 60): a
/// change's time is taken before its save commits, so a save in flight when the till last asked is not missed. Tills apply
/// a delta idempotently, so what comes twice does no harm.
/// </summary>
public sealed record InstoreOptions(TimeSpan Overlap)
{
    public InstoreOptions()
        : this(TimeSpan.FromSeconds(60))
    {
    }
}

/// <summary>
/// The in-store offer feed: the active offers with "sync to in-store" on that can be redeemed at a store — unrestricted,
/// or limited to the store, one of its tills, its zone or its concept (the redemption rule's own test, for the store and
/// each till) — served from the point-of-sale snapshot.
/// </summary>
public sealed class InstoreOffers(IDbContextFactory<CouponDbContext> dbFactory, InstoreOptions? options = null)
{
    private readonly TimeSpan _overlap = (options ?? new InstoreOptions()).Overlap;

    public async Task<Result<InstoreFeed>> GetAsync(string? storeId, DateTimeOffset? changedSince, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(storeId))
        {
            return Error.Validation([new FieldError("storeId", "Say which store the offers are for: ?storeId=S1.")]);
        }

        var snapshot = await PosPath.For(dbFactory).LatestAsync(ct);
        storeId = storeId.Trim();
        if (snapshot.Org.Store(storeId) is null)
        {
            return Error.NotFound(ErrorCodes.NotFound, $"There is no STORE '{storeId}'.");
        }

        // A change to the store tree can change which offers reach a store without touching any offer: answer in full.
        var since = changedSince is { } asked && asked - DateTimeOffset.MinValue > _overlap ? asked - _overlap : (DateTimeOffset?)null;
        return since is null || snapshot.StoresChangedAt > since
            ? snapshot.Feeds.GetOrAdd(storeId, id => Feed(snapshot, id, null))
            : Feed(snapshot, storeId, since);
    }

    private static InstoreFeed Feed(PosSnapshot snapshot, string storeId, DateTimeOffset? since)
    {
        var places = snapshot.Org.TillsOf(storeId).Select(till => RedemptionPlace.Of(snapshot.Org, null, till))
            .Prepend(RedemptionPlace.Of(snapshot.Org, storeId, null)).ToList();
        var offers = new List<InstoreOffer>();
        var removed = new List<long>();
        foreach (var offer in snapshot.Offers.Values.Where(o => since is null || o.UpdatedAt > since).OrderBy(o => o.Id))
        {
            if (Applies(offer, places))
            {
                offers.Add(ToInstore(offer));
            }
            else if (since is not null)
            {
                removed.Add(offer.Id);
            }
        }

        return new InstoreFeed(storeId, snapshot.Zone.Id, snapshot.BaseCurrency, places[0].Currency, snapshot.LatestChange, since is null, offers, removed);
    }

    private static bool Applies(Offer offer, List<RedemptionPlace> places) =>
        offer.Status == OfferStatus.Active && offer.Definition.SyncToInStore
        && places.Exists(place => RedemptionChecks.Allows(offer.Definition.Redemption.OrgEntities, place));

    private static InstoreOffer ToInstore(Offer o)
    {
        var d = o.Definition;
        var r = d.Redemption;
        return new InstoreOffer(o.Id, o.Name, d.Description, d.Discount, d.Products, r.MinBill, r.MaxBill, r.DaysOfWeek, r.DaysOfMonth, r.Hours,
            o.ValidFrom, o.ValidUntil, r.StartsAt, o.UpdatedAt);
    }
}
