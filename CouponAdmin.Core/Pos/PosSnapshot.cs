using System.Collections.Concurrent;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Pos;

/// <summary>
/// Everything a point-of-sale call reads that does not change per call, loaded once and never changed after: every
/// offer with its parsed settings, the org's time zone and base currency, exchange rates, the store tree and the code
/// spaces with their generators. <see cref="Version"/> is the <see cref="ConfigVersion"/> it was loaded at; the same
/// rules (<c>RedemptionChecks</c>, <c>DiscountCalculator</c>) run on it as on data read from the database.
/// </summary>
internal sealed class PosSnapshot
{
    private PosSnapshot(ConfigVersion version, IReadOnlyDictionary<long, Offer> offers, TimeZoneInfo zone, string baseCurrency, ExchangeRateTable rates,
        OrgTree org, IReadOnlyList<KnownCodeSpace> codeSpaces)
    {
        Version = version.Version;
        StoresChangedAt = version.StoresChangedAt ?? DateTimeOffset.MinValue;
        LatestChange = offers.Values.Select(o => o.UpdatedAt).Append(StoresChangedAt).Max();
        Offers = offers;
        Zone = zone;
        BaseCurrency = baseCurrency;
        Rates = rates;
        Org = org;
        CodeSpaces = codeSpaces;
    }

    public long Version { get; }

    /// <summary>When a zone, store, till or concept last changed.</summary>
    public DateTimeOffset StoresChangedAt { get; }

    /// <summary>The newest change the snapshot holds, of an offer or of the stores.</summary>
    public DateTimeOffset LatestChange { get; }

    /// <summary>Each store's in-store feed, made on first request: it depends on nothing but the snapshot.</summary>
    public ConcurrentDictionary<string, InstoreFeed> Feeds { get; } = new(StringComparer.Ordinal);

    /// <summary>Every offer by id. Shared by concurrent calls: read it, never change it.</summary>
    public IReadOnlyDictionary<long, Offer> Offers { get; }

    public TimeZoneInfo Zone { get; }

    public string BaseCurrency { get; }

    public ExchangeRateTable Rates { get; }

    public OrgTree Org { get; }

    public IReadOnlyList<KnownCodeSpace> CodeSpaces { get; }

    /// <summary>The spaces that could have made <paramref name="code"/>, with the index each would give it.</summary>
    public IReadOnlyList<(long SpaceId, long Index)> Decode(string code) => Codes.CodeSpaces.Decode(CodeSpaces, code);

    public static async Task<PosSnapshot> LoadAsync(CouponDbContext db, CancellationToken ct)
    {
        // The version is read first: whatever the reads below see is at least that new, so a change committed meanwhile
        // at most makes the next call load again.
        var version = await db.ConfigVersions.AsNoTracking().FirstAsync(ct);
        var offers = await db.Offers.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var org = await db.OrgSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new OrgSettings();
        var zone = Core.Org.OrgTime.Zone(org.TimeZone);
        var rates = new ExchangeRateTable(await db.ExchangeRates.AsNoTracking().ToListAsync(ct));
        var tree = new OrgTree(await db.OrgEntities.AsNoTracking().ToListAsync(ct));
        var spaces = await Codes.CodeSpaces.KnownAsync(db, ct);
        return new PosSnapshot(version, offers, zone, org.BaseCurrency, rates, tree, spaces);
    }
}
