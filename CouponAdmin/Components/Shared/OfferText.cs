using System.Globalization;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using MudBlazor;

namespace CouponAdmin.Components.Shared;

/// <summary>The words the screens use for offer settings, in the reference product's terms.</summary>
internal static class OfferText
{
    public static string Method(GenerationMethod method) => method switch
    {
        GenerationMethod.AutoUnique => "Automatically create unique codes",
        GenerationMethod.Common => "Common code",
        GenerationMethod.RandomizedCommon => "Randomized common codes",
        _ => "Uploaded codes",
    };

    public static string IssuedBy(IssuedBy by) => by == Core.Offers.IssuedBy.ThirdParty ? "Through a third party" : "Through CouponAdmin";

    public static Color StatusColor(OfferStatus status) => status switch
    {
        OfferStatus.Active => Color.Success,
        OfferStatus.Paused => Color.Warning,
        OfferStatus.Ended => Color.Dark,
        _ => Color.Default,
    };

    /// <summary>A moment as the org reads it: in the org's time zone when known (the layout cascades it), else UTC.</summary>
    public static string Date(DateTimeOffset? at, TimeZoneInfo? zone = null) =>
        at is { } moment
            ? (zone is null ? moment.ToUniversalTime() : TimeZoneInfo.ConvertTime(moment, zone)).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)
            : "—";

    public static string Validity(DateTimeOffset? from, DateTimeOffset? until, TimeZoneInfo? zone = null) =>
        $"{(from is null ? "Now" : Date(from, zone))} → {(until is null ? "open" : Date(until, zone))}";

    public static string Limit(int? limit) => limit is null ? "No limit" : $"Limit to {limit.Value.ToString("N0", CultureInfo.InvariantCulture)}";

    public static string Money(decimal? value, string? currency) =>
        value is null ? "—" : $"{value.Value.ToString("N2", CultureInfo.InvariantCulture)}{(currency is null ? "" : " " + currency)}";

    public static string Discount(DiscountSettings d) => d.Type == DiscountType.Percentage
        ? $"{d.Value.ToString(CultureInfo.InvariantCulture)}% off{(d.MaxAmount is { } cap ? $", up to {Money(cap, d.Currency)}" : "")}"
        : $"{Money(d.Value, d.Currency)} off";

    public static string Expiry(ExpirySettings e) => e.Mode switch
    {
        ExpiryMode.WithOffer => "Along with the offer",
        ExpiryMode.DaysFromIssual => $"{e.Value} day(s) from issual, end of day",
        _ => $"{e.Value} month end(s) from issual",
    };

    public static string Entity(OrgEntityRef e) => $"{e.Type.ToString().ToUpperInvariant()} {e.Id}";

    public static string List<T>(IEnumerable<T> items, string empty = "Any") =>
        items.Any() ? string.Join(", ", items) : empty;
}
