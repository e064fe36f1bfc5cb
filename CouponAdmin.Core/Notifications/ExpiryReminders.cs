using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Notifications;

public sealed record ReminderRunReport(int Reminders, long Written);

/// <summary>
/// The recurring reminder run: for every reminder of every active offer, writes one outbox message per coupon whose
/// reminder moment passed since the reminder's cursor (at most <see cref="NotificationOptions.ReminderCatchUpHours"/>
/// back) and that is still issued, usable, not revoked and not expired. Two runs at once, or a run repeated after a
/// crash, write nothing twice: every message has its key (coupon + reminder).
/// </summary>
public sealed class ExpiryReminders(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock, NotificationOptions options, IOutboxSignal signal)
{
    public const string Actor = "expiry-reminders";

    /// <summary>Moments this close to the last run are looked at again, for coupons whose issuing transaction was still open then.</summary>
    internal static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    public async Task<ReminderRunReport> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var zone = await OrgTime.ZoneAsync(db, ct);
        var offers = (await db.Offers.AsNoTracking().Where(o => o.Status == OfferStatus.Active).ToListAsync(ct))
            .Where(o => o.Definition.Issual.Reminders.Count > 0 && OfferOptions.IssualConfigurable(o.Definition)).ToList();
        var ids = offers.Select(o => o.Id).ToList();
        var cursors = await db.ReminderCursors.AsNoTracking().Where(c => ids.Contains(c.OfferId)).ToListAsync(ct);
        var issued = await db.OfferCounters.AsNoTracking().Where(c => ids.Contains(c.OfferId)).ToDictionaryAsync(c => c.OfferId, c => c.IssuedCount, ct);

        var earliest = now.AddHours(-options.ReminderCatchUpHours);
        var bulk = false;
        long written = 0;
        var reminders = 0;
        foreach (var offer in offers)
        {
            var remaining = offer.Definition.Issual.TotalLimit is { } limit ? Math.Max(0, limit - issued.GetValueOrDefault(offer.Id)) : (long?)null;
            var context = ReminderContext.For(offer, remaining, zone, now, options.ReminderChunkSize);
            foreach (var reminder in offer.Definition.Issual.Reminders)
            {
                var key = ReminderContext.KeyOf(reminder);
                var from = cursors.FirstOrDefault(c => c.OfferId == offer.Id && c.ReminderKey == key) is { } cursor && cursor.DoneUntil - Overlap > earliest
                    ? cursor.DoneUntil - Overlap
                    : earliest;
                foreach (var window in ReminderSchedule.Windows(reminder, from, now, zone))
                {
                    if (!bulk)
                    {
                        // A due expiry day can hold millions of coupons: write them as bulk issuance does (big page cache, one
                        // checkpoint at the end), but only in runs that have something to write.
                        await db.Dialect.BeginBulkAsync(db, ct);
                        bulk = true;
                    }

                    written += await ReminderWriter.WriteAsync(db, offer, reminder, key, window, context, ct);
                }

                await db.ExecuteAsync(ReminderStatements.For(db.Dialect).AdvanceCursor, ct, ("@o", offer.Id), ("@k", key), ("@now", now));
                reminders++;
            }
        }

        if (bulk)
        {
            await db.Dialect.EndBulkAsync(db);
        }

        if (written > 0)
        {
            signal.MessagesWritten();
        }

        return new ReminderRunReport(reminders, written);
    }
}
