using System.Globalization;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Notifications;

/// <summary>
/// Writes the reminder messages of one expiry day of one reminder, set-based: <c>INSERT … SELECT</c> over the offer's
/// coupons in that day's ExpiresAt range (index <c>IX_Coupons_Reminders</c>), joined to their customers, with the text
/// joined in SQL from <see cref="MessageTemplate.Segments"/> (the same on every provider), and <c>ON CONFLICT DO NOTHING</c> on the message
/// key. Each transaction takes one expiry instant and a range of coupon ids: SQLite seeks (OfferId, ExpiresAt = x,
/// rowid &gt; n) in that index, so every chunk starts where the last ended (a row-value range would be scanned from the
/// start of the day each time).
/// </summary>
internal static class ReminderWriter
{
    public static async Task<long> WriteAsync(CouponDbContext db, Offer offer, ReminderSettings reminder, string reminderKey, ReminderWindow window,
        ReminderContext context, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var template = MessageTemplate.Parse(reminder.Text);
        var values = context.Values;

        var sms = reminder.Channel == ReminderChannel.Sms;
        var sql = ReminderStatements.For(db.Dialect);
        var d = offer.Definition.Redemption;
        // A redeemed coupon is still usable while its holder's limit allows more (no limit, or fewer uses than it).
        var useLimit = d.AnyoneCanRedeem ? d.CodeLimit : d.CustomerLimit;
        var from = window.ExpiresFrom.UtcTicks;
        long written = 0;
        while (await db.ScalarAsync<long>(sql.NextExpiry, ct, ("@o", offer.Id), ("@from", from), ("@to", window.ExpiresBefore)) is { } expiresAt)
        {
            // Every coupon of a chunk expires at the same instant: the text differs only by code and name, joined in SQL.
            var segments = template.Segments(values, new DateTimeOffset(expiresAt, TimeSpan.Zero));
            var insert = sql.InsertFor(reminder.Channel, segments);
            var textParameters = ReminderStatements.TextParameters(segments).ToArray();
            var afterId = -1L;
            while (true)
            {
                var end = await db.ScalarAsync<long>(sql.ChunkEnd, ct,
                    ("@o", offer.Id), ("@expiresAt", expiresAt), ("@afterId", afterId), ("@skip", context.ChunkSize - 1));
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                (string, object?)[] parameters =
                [
                    ("@o", offer.Id), ("@expiresAt", expiresAt), ("@afterId", afterId), ("@upToId", end ?? long.MaxValue),
                    ("@suffix", $":{reminderKey}"), ("@channel", (sms ? MessageChannel.Sms : MessageChannel.Email).ToString()),
                    ("@subject", sms ? null : context.EmailSubject), ("@noContact", sms ? " has no mobile number." : " has no e-mail address."),
                    ("@now", context.Now), ("@by", ExpiryReminders.Actor), ("@moment", window.Moment), ("@useLimit", useLimit), .. textParameters,
                ];
                written += await db.ExecuteAsync(insert, ct, parameters);
                await tx.CommitAsync(ct);
                if (end is not { } last)
                {
                    break;
                }

                afterId = last;
            }

            from = expiresAt + 1;
        }

        return written;
    }
}

/// <summary>What every reminder message of one offer in one run shares.</summary>
internal sealed record ReminderContext(DateTimeOffset Now, TemplateValues Values, string EmailSubject, int ChunkSize)
{
    public static ReminderContext For(Offer offer, long? remaining, TimeZoneInfo zone, DateTimeOffset now, int chunkSize)
    {
        var values = new TemplateValues(offer.Name, MessageTemplate.FormatDiscount(offer.Definition.Discount), remaining, zone);
        return new ReminderContext(now, values, MessageTemplate.Render("Your {{offer.name}} coupon expires soon", values), chunkSize);
    }

    public static string KeyOf(ReminderSettings reminder) =>
        string.Create(CultureInfo.InvariantCulture, $"{reminder.DaysBefore}:{reminder.Channel.ToString().ToLowerInvariant()}");
}
