using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Core.Notifications;

/// <summary>What a message's tags are filled with. Coupon and customer values are absent in offer-level messages.</summary>
public sealed record TemplateValues(string OfferName, string OfferDiscount, long? Remaining, TimeZoneInfo Zone,
    string? CouponCode = null, DateTimeOffset? CouponExpiry = null, string? CustomerName = null);

/// <summary>
/// The one renderer of message texts (resend SMS, reminders, the issual-limit alert). A text is parsed once into literal
/// parts and tags, so rendering a million reminders is string appends; an unknown tag is refused when the offer is saved.
/// </summary>
/// <summary>What a template segment takes from each coupon's row, when many are rendered in the database (<see cref="MessageTemplate.Segments"/>).</summary>
public enum RowValue { None, CouponCode, CustomerName }

public sealed partial class MessageTemplate
{
    public const string CustomerName = "customer.name";
    public const string CouponCode = "coupon.code";
    public const string CouponExpiry = "coupon.expiry";
    public const string OfferName = "offer.name";
    public const string OfferDiscount = "offer.discount";
    public const string Remaining = "remaining";

    /// <summary>A customer without a name is greeted as this.</summary>
    public const string NamelessCustomer = "Customer";

    private static readonly string[] Known = [CustomerName, CouponCode, CouponExpiry, OfferName, OfferDiscount, Remaining];

    /// <summary>Every tag as a marketer types it.</summary>
    public static IReadOnlyList<string> Tags { get; } = [.. Known.Select(t => "{{" + t + "}}")];

    private readonly List<(string Text, bool IsTag)> _parts = [];

    // Replaced whole, never changed, so a template rendered from two threads at once still reads a consistent pair.
    private FormattedExpiry? _lastExpiry;

    private MessageTemplate(string text)
    {
        var at = 0;
        foreach (Match m in TagPattern().Matches(text))
        {
            _parts.Add((text[at..m.Index], false));
            _parts.Add((m.Groups[1].Value.ToLowerInvariant(), true));
            at = m.Index + m.Length;
        }

        _parts.Add((text[at..], false));
    }

    public static MessageTemplate Parse(string text) => new(text ?? "");

    /// <summary>The tags of <paramref name="text"/> this renderer does not know, as written, each once.</summary>
    public static IReadOnlyList<string> UnknownTags(string text) =>
        [.. TagPattern().Matches(text ?? "").Where(m => !Known.Contains(m.Groups[1].Value.ToLowerInvariant())).Select(m => m.Value).Distinct()];

    public string Render(TemplateValues values) => Render(values, values.CouponCode, values.CouponExpiry, values.CustomerName);

    /// <summary>One coupon's message, the offer's values given once: the reminder writer's per-row call, without a copy of the values.</summary>
    public string Render(TemplateValues offer, string? couponCode, DateTimeOffset? couponExpiry, string? customerName)
    {
        var sb = new StringBuilder(160);
        foreach (var (text, isTag) in _parts)
        {
            sb.Append(isTag ? TagValue(text, offer, couponCode, couponExpiry, customerName) : text);
        }

        return sb.ToString();
    }

    private string TagValue(string tag, TemplateValues offer, string? couponCode, DateTimeOffset? couponExpiry, string? customerName) => tag switch
    {
        CustomerName => string.IsNullOrWhiteSpace(customerName) ? NamelessCustomer : customerName,
        CouponCode => couponCode ?? "",
        CouponExpiry => Expiry(couponExpiry, offer.Zone),
        OfferName => offer.OfferName,
        OfferDiscount => offer.OfferDiscount,
        Remaining => offer.Remaining?.ToString(CultureInfo.InvariantCulture) ?? "",
        _ => "{{" + tag + "}}",
    };

    public static string Render(string text, TemplateValues values) => Parse(text).Render(values);

    /// <summary>
    /// The template for many coupons that share an offer and an expiry instant: the text that stays the same (every other
    /// tag rendered, merged) between what each row brings (<see cref="RowValue.CouponCode"/>, <see cref="RowValue.CustomerName"/>).
    /// A writer that renders in the database concatenates these and gets what <see cref="Render(TemplateValues, string?,
    /// DateTimeOffset?, string?)"/> gives, a blank name written as <see cref="NamelessCustomer"/>.
    /// </summary>
    public IReadOnlyList<(string Text, RowValue Row)> Segments(TemplateValues offer, DateTimeOffset? couponExpiry)
    {
        var segments = new List<(string, RowValue)>();
        var constant = new StringBuilder();
        foreach (var (text, isTag) in _parts)
        {
            var row = !isTag ? RowValue.None : text switch
            {
                CouponCode => RowValue.CouponCode,
                CustomerName => RowValue.CustomerName,
                _ => RowValue.None,
            };
            if (row == RowValue.None)
            {
                constant.Append(isTag ? TagValue(text, offer, null, couponExpiry, null) : text);
                continue;
            }

            segments.Add((constant.ToString(), RowValue.None));
            constant.Clear();
            segments.Add(("", row));
        }

        segments.Add((constant.ToString(), RowValue.None));
        return segments;
    }

    /// <summary>"31 Dec 2026 23:59 (UTC+05:30)": the org's wall clock with its offset at that moment, so nobody has to guess the zone.</summary>
    public static string FormatExpiry(DateTimeOffset? at, TimeZoneInfo zone)
    {
        if (at is not { } instant)
        {
            return "no expiry";
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"{local:d MMM yyyy HH:mm} (UTC{sign}{offset.Duration():hh\\:mm})");
    }

    /// <summary>"50% off", "50% off, up to INR 750.5", "INR 200 off".</summary>
    public static string FormatDiscount(DiscountSettings discount)
    {
        var value = discount.Value.ToString("0.##", CultureInfo.InvariantCulture);
        if (discount.Type == DiscountType.Fixed)
        {
            return $"{discount.Currency} {value} off".TrimStart();
        }

        var cap = discount.MaxAmount is { } max ? $", up to {discount.Currency} {max.ToString("0.##", CultureInfo.InvariantCulture)}".Replace("  ", " ", StringComparison.Ordinal) : "";
        return $"{value}% off{cap}";
    }

    /// <summary>Coupons written together mostly share one expiry: its text is kept until another comes.</summary>
    private string Expiry(DateTimeOffset? at, TimeZoneInfo zone)
    {
        var last = _lastExpiry;
        if (last is not null && last.At == at && ReferenceEquals(last.Zone, zone))
        {
            return last.Text;
        }

        var text = FormatExpiry(at, zone);
        _lastExpiry = new FormattedExpiry(at, zone, text);
        return text;
    }

    private sealed record FormattedExpiry(DateTimeOffset? At, TimeZoneInfo Zone, string Text);

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex TagPattern();
}
