using System.Globalization;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;

namespace CouponAdmin.Components.Shared;

internal sealed record SummaryRow(string Label, string Value);

internal sealed record SummarySection(string Title, IReadOnlyList<SummaryRow> Rows);

/// <summary>Every setting of an offer as readable rows, grouped by the wizard's screens.</summary>
internal static class OfferSummary
{
    /// <param name="placeNames">Names of the org's zones, stores, tills and concepts, shown beside their ids.</param>
    public static IReadOnlyList<SummarySection> For(OfferDefinition d, TimeZoneInfo? zone = null, IReadOnlyDictionary<OrgEntityRef, string>? placeNames = null) =>
    [
        new("Offer", [
            new("Name", d.Name),
            new("Description", string.IsNullOrWhiteSpace(d.Description) ? "—" : d.Description),
            new("Discount", OfferText.Discount(d.Discount)),
            new("Applicable products", OfferText.List(d.Products, "All products")),
            new("Validity", $"{OfferText.Validity(d.ValidFrom, d.ValidUntil, zone)} ({(zone ?? TimeZoneInfo.Utc).Id})"),
            new("Brand POC e-mails", OfferText.List(d.BrandPocEmails, "None")),
            new("Sync to in-store", d.SyncToInStore ? "Yes" : "No"),
        ]),
        new("Coupon details", [
            new("How coupons are issued", OfferText.IssuedBy(d.Coupon.IssuedBy)),
            new("How codes are created", OfferText.Method(d.Coupon.Generation.Method)),
            .. Generation(d.Coupon.Generation),
            new("Code capacity", CodeGenerators.Capacity(d.Coupon.Generation) is { } capacity ? capacity.ToString("N0", CultureInfo.InvariantCulture) : "The uploaded codes"),
            new("Issue to specific customers only", d.Coupon.SpecificCustomersOnly ? "Yes" : "No"),
            new("When a coupon expires", OfferText.Expiry(d.Coupon.Expiry)),
        ]),
        new("Issual & reminders", [
            new("Restrict based on past issuals", OfferText.List(d.Issual.RestrictPastOfferIds.Select(i => $"Offer {i}"), "No")),
            new("Maximum issuals per customer", OfferText.Limit(d.Issual.MaxPerCustomer)),
            new("Minimum gap between issuals", $"{d.Issual.MinGapDays} day(s)"),
            new("If a customer matches again", d.Issual.OnRepeatMatch == RepeatMatchAction.SendExisting ? "Send existing valid coupon" : "Do not send any coupon"),
            new("Total issual limit", OfferText.Limit(d.Issual.TotalLimit)),
            new("Notify brand POCs when remaining", d.Issual.NotifyWhenRemaining?.ToString(CultureInfo.InvariantCulture) ?? "—"),
            new("SMS for resending", d.Issual.ResendSms is { } sms ? $"{sms.Text}{(sms.AllowUnicode ? " (Unicode allowed)" : "")}" : "Off"),
            new("Expiry reminders", d.Issual.Reminders.Count == 0 ? "None" : string.Join("; ", d.Issual.Reminders.Select(r =>
                $"{r.DaysBefore} day(s) before by {r.Channel.ToString().ToUpperInvariant()} at {r.At:HH\\:mm}: {r.Text}"))),
        ]),
        new("Redemption", [
            new("Anyone can redeem", d.Redemption.AnyoneCanRedeem ? "Yes" : "No, only the holder"),
            new("Coupon code limit", OfferText.Limit(d.Redemption.CodeLimit)),
            new("Individual customer limit", OfferText.Limit(d.Redemption.CustomerLimit)),
            new("Across customer (series) limit", OfferText.Limit(d.Redemption.SeriesLimit)),
            new("Redemption can start", d.Redemption.StartsAt is null ? "When issued" : $"{OfferText.Date(d.Redemption.StartsAt, zone)} ({(zone ?? TimeZoneInfo.Utc).Id})"),
            new("Gap between a customer's redemptions", $"{d.Redemption.MinGapDays} day(s)"),
            new("Stores allowing redemption", OfferText.List(d.Redemption.OrgEntities.Select(e =>
                placeNames?.GetValueOrDefault(new OrgEntityRef(e.Type, e.Id)) is { } name ? $"{OfferText.Entity(e)} · {name}" : OfferText.Entity(e)), "All stores")),
            new("Bill amount", d.Redemption.MinBill is null && d.Redemption.MaxBill is null
                ? "Any"
                : $"min {OfferText.Money(d.Redemption.MinBill, null)}, max {OfferText.Money(d.Redemption.MaxBill, null)} (in the bill's currency)"),
            new("Days of the week", OfferText.List(d.Redemption.DaysOfWeek)),
            new("Days of the month", OfferText.List(d.Redemption.DaysOfMonth)),
            new("Hours of the day", OfferText.List(d.Redemption.Hours)),
            new("Restrict to new customers", NewCustomers(d.Redemption.NewCustomers)),
        ]),
    ];

    private static IEnumerable<SummaryRow> Generation(GenerationSettings g) => g.Method switch
    {
        GenerationMethod.AutoUnique => [new("Code format", $"{g.Length} {g.Alphabet?.ToString().ToLowerInvariant()} characters{(string.IsNullOrEmpty(g.Prefix) ? "" : $", prefix {g.Prefix}")}")],
        GenerationMethod.Common => [new("Common code", g.CommonCode ?? "—")],
        GenerationMethod.RandomizedCommon => [new("Sample code", g.SampleCode ?? "—")],
        _ => [],
    };

    private static string NewCustomers(NewCustomerRule r) => !r.IsSet
        ? "No"
        : string.Join(", ", new[]
        {
            r.RegisteredFrom is null && r.RegisteredTo is null ? null : $"registered {r.RegisteredFrom?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "any time"} – {r.RegisteredTo?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "now"}",
            r.MaxTransactions is null ? null : $"at most {r.MaxTransactions} transactions",
        }.Where(s => s is not null));
}
