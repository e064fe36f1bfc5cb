using System.Globalization;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Org;
using MudBlazor;

namespace CouponAdmin.Components.Shared;

/// <summary>The words and colours the screens use for coupons and redemptions.</summary>
internal static class CouponText
{
    public static Color StatusColor(CouponStatus status) => status switch
    {
        CouponStatus.Issued => Color.Success,
        CouponStatus.Redeemed => Color.Primary,
        CouponStatus.Revoked => Color.Error,
        CouponStatus.Expired => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>A moment in the org's time zone, with the zone named, as support staff read it to a customer.</summary>
    public static string Moment(DateTimeOffset? at, TimeZoneInfo? zone) =>
        at is null ? "—" : $"{OfferText.Date(at, zone)} ({(zone ?? TimeZoneInfo.Utc).Id})";

    /// <summary>"2 / 5", or "2 / no limit".</summary>
    public static string Uses(int used, int? allowed) =>
        $"{used.ToString(CultureInfo.InvariantCulture)} / {(allowed is { } max ? max.ToString(CultureInfo.InvariantCulture) : "no limit")}";

    /// <summary>An org entity id with its name beside it when it is known: "S-DEL-01 · Delhi Connaught Place".</summary>
    public static string Place(string? id, IReadOnlyDictionary<string, OrgEntity> names) =>
        id is null ? "—" : names.TryGetValue(id, out var entity) ? $"{id} · {entity.Name}" : id;
}
