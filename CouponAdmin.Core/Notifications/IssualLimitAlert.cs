using System.Globalization;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Notifications;

/// <summary>
/// The "notify when N remain" e-mail to the brand POCs. Every issuing path (one coupon, bulk, upload rows) calls it inside
/// its transaction with the series count it reached; the alert record and one outbox message per POC commit with the
/// coupons. Once per crossing: the record's key is (offer, total limit, threshold), so a raised limit or a moved
/// threshold arms a new alert.
/// </summary>
internal static class IssualLimitAlert
{
    public const string Actor = "issual-limit-alert";

    public static Task RaiseIfLowAsync(CouponDbContext db, Offer offer, long issuedCount, DateTimeOffset now, NotificationOptions options, CancellationToken ct) =>
        offer.Definition.Issual is { TotalLimit: { } limit, NotifyWhenRemaining: { } threshold } && limit - issuedCount <= threshold
            ? RaiseAsync(db, offer, limit, threshold, issuedCount, now, options, ct)
            : Task.CompletedTask;

    private static async Task RaiseAsync(CouponDbContext db, Offer offer, long limit, long threshold, long issued, DateTimeOffset now,
        NotificationOptions options, CancellationToken ct)
    {
        var remaining = Math.Max(0, limit - issued);
        var raised = await db.ExecuteAsync(IssualAlertStatements.For(db.Dialect).Raise, ct, ("@o", offer.Id), ("@limit", limit), ("@threshold", threshold), ("@r", remaining), ("@now", now));
        if (raised == 0)
        {
            return;
        }

        var values = new TemplateValues(offer.Name, MessageTemplate.FormatDiscount(offer.Definition.Discount), remaining, TimeZoneInfo.Utc);
        var subject = MessageTemplate.Render($"{{{{offer.name}}}}: {{{{remaining}}}} of {N(limit)} coupons left to issue", values);
        var body = MessageTemplate.Render($$$"""
            The offer "{{offer.name}}" (id {{{offer.Id}}}) has issued {{{N(issued)}}} of its {{{N(limit)}}} coupons: {{remaining}} remain.
            You asked to be told when {{{N(threshold)}}} or fewer remain.

            Open the offer: {{{options.OfferLink(offer.Id)}}}

            To issue more, raise "Limit total issuals from the offer" on the offer's Issual & reminders step.
            """, values);

        var key = string.Create(CultureInfo.InvariantCulture, $"alert:{offer.Id}:{limit}:{threshold}");
        var pocs = offer.Definition.BrandPocEmails
            .Select(e => CustomerIdentifiers.NormalizeEmail(e)).Where(r => r.IsSuccess).Select(r => r.Value!).Distinct().ToList();
        if (pocs.Count == 0)
        {
            await OutboxWriter.AddAsync(db, new OutboxDraft($"{key}:-", MessageKind.IssualAlert, MessageChannel.Email, "", subject, body, Actor, offer.Id,
                SkipReason: $"Offer {offer.Id} has no brand POC e-mail addresses."), now, ct);
            return;
        }

        foreach (var poc in pocs)
        {
            await OutboxWriter.AddAsync(db, new OutboxDraft($"{key}:{poc}", MessageKind.IssualAlert, MessageChannel.Email, poc, subject, body, Actor, offer.Id), now, ct);
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
