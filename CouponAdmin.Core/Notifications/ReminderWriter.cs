using System.Globalization;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Notifications;

/// <summary>
/// Writes the reminder messages of one expiry day of one reminder, set-based: <c>INSERT … SELECT</c> over the offer's
/// coupons in that day's ExpiresAt range (index <c>IX_Coupons_Reminders</c>), joined to their customers, with the text
/// rendered by <see cref="MessageTemplate"/> through a SQL function, and <c>ON CONFLICT DO NOTHING</c> on the message
/// key. Each transaction takes one expiry instant and a range of coupon ids: SQLite seeks (OfferId, ExpiresAt = x,
/// rowid &gt; n) in that index, so every chunk starts where the last ended (a row-value range would be scanned from the
/// start of the day each time).
/// </summary>
internal static class ReminderWriter
{
    internal const string NextExpiry = """
        SELECT c."ExpiresAt" FROM "Coupons" c
        WHERE c."OfferId" = @o AND c."Status" IN ('Issued', 'Redeemed') AND c."ExpiresAt" >= @from AND c."ExpiresAt" < @to
        ORDER BY c."ExpiresAt" LIMIT 1
        """;

    internal const string Filter = """c."OfferId" = @o AND c."Status" IN ('Issued', 'Redeemed') AND c."ExpiresAt" = @expiresAt AND c."Id" > @afterId""";

    public static async Task<long> WriteAsync(CouponDbContext db, Offer offer, ReminderSettings reminder, string reminderKey, ReminderWindow window,
        ReminderContext context, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var template = MessageTemplate.Parse(reminder.Text);
        var values = context.Values;
        ((SqliteConnection)db.Database.GetDbConnection()).CreateFunction<string, string?, long?, string>("reminder_text",
            (code, name, expires) => template.Render(values, code, expires is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null, name),
            isDeterministic: true);

        var sms = reminder.Channel == ReminderChannel.Sms;
        var contact = sms ? "\"Mobile\"" : "\"Email\"";
        var d = offer.Definition.Redemption;
        // A redeemed coupon is still usable while its holder's limit allows more (no limit, or fewer uses than it).
        var useLimit = d.AnyoneCanRedeem ? d.CodeLimit : d.CustomerLimit;
        var from = window.ExpiresFrom.UtcTicks;
        long written = 0;
        while (await db.ScalarAsync<long>(NextExpiry, ct, ("@o", offer.Id), ("@from", from), ("@to", window.ExpiresBefore)) is { } expiresAt)
        {
            var afterId = -1L;
            while (true)
            {
                var end = await db.ScalarAsync<long>($"""SELECT c."Id" FROM "Coupons" c WHERE {Filter} ORDER BY c."Id" LIMIT 1 OFFSET @skip""", ct,
                    ("@o", offer.Id), ("@expiresAt", expiresAt), ("@afterId", afterId), ("@skip", context.ChunkSize - 1));
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                written += await db.ExecuteAsync($"""
                    INSERT INTO "OutboxMessages" ("Key", "Kind", "Channel", "Recipient", "Subject", "Body", "Status", "Attempts", "Note",
                        "NextAttemptAt", "CreatedAt", "CreatedBy", "OfferId", "CouponId", "CustomerId")
                    SELECT 'reminder:' || c."Id" || @suffix, 'Reminder', @channel, COALESCE(cu.{contact}, ''), @subject,
                        reminder_text(c."Code", cu."Name", c."ExpiresAt"),
                        CASE WHEN cu.{contact} IS NULL THEN 'Skipped' ELSE 'Pending' END, 0,
                        CASE WHEN cu.{contact} IS NULL THEN 'Customer ' || cu."UserId" || @noContact END,
                        @now, @now, @by, c."OfferId", c."Id", c."CustomerId"
                    FROM "Coupons" c CROSS JOIN "Customers" cu
                    WHERE {Filter} AND c."Id" <= @upToId
                      AND cu."UserId" = c."CustomerId" AND {Coupon.ValidAtSql} AND c."IssuedAt" <= @moment
                      AND (c."Status" = 'Issued' OR @useLimit IS NULL OR c."RedemptionCount" < @useLimit)
                    ON CONFLICT ("Key") DO NOTHING
                    """, ct, ("@o", offer.Id), ("@expiresAt", expiresAt), ("@afterId", afterId), ("@upToId", end ?? long.MaxValue),
                    ("@suffix", $":{reminderKey}"), ("@channel", (sms ? MessageChannel.Sms : MessageChannel.Email).ToString()),
                    ("@subject", sms ? null : context.EmailSubject), ("@noContact", sms ? " has no mobile number." : " has no e-mail address."),
                    ("@now", context.Now), ("@by", ExpiryReminders.Actor), ("@moment", window.Moment), ("@useLimit", useLimit));
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
