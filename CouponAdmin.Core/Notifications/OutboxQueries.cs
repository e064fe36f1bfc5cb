using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Notifications;

/// <summary>The Outbox screen's filters; dates are the org's calendar days, both ends included.</summary>
public sealed record OutboxFilter(MessageChannel? Channel = null, MessageStatus? Status = null, long? OfferId = null, string? Recipient = null,
    DateOnly? From = null, DateOnly? To = null, int Skip = 0, int Take = 25);

public sealed record OutboxListItem(long Id, DateTimeOffset CreatedAt, MessageKind Kind, MessageChannel Channel, string Recipient, string Summary,
    MessageStatus Status, int Attempts, long? OfferId, string? LastError, string? Note);

/// <summary>A message with everything the detail view shows.</summary>
public sealed record OutboxMessageView(long Id, string Key, DateTimeOffset CreatedAt, string CreatedBy, MessageKind Kind, MessageChannel Channel,
    string Recipient, string? Subject, string Body, MessageStatus Status, int Attempts, string? LastError, string? Note, DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt, long? OfferId, string? OfferName, long? CouponId, long? CustomerId)
{
    /// <summary>Failed messages can be tried again, and skipped ones that have somewhere to go (e.g. SMS before a gateway was set up).</summary>
    public bool CanRetry => OutboxQueries.CanRetry(Status, Recipient);
}

/// <summary>Reads the outbox for the screen: a filtered page, newest first, counted in the query; one message in full.</summary>
public sealed class OutboxQueries(IDbContextFactory<CouponDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public static bool CanRetry(MessageStatus status, string recipient) =>
        status == MessageStatus.Failed || (status == MessageStatus.Skipped && recipient.Length > 0);

    public async Task<Page<OutboxListItem>> ListAsync(OutboxFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var messages = db.OutboxMessages.AsNoTracking();
        if (filter.Channel is { } channel) messages = messages.Where(m => m.Channel == channel);
        if (filter.Status is { } status) messages = messages.Where(m => m.Status == status);
        if (filter.OfferId is { } offerId) messages = messages.Where(m => m.OfferId == offerId);
        if (!string.IsNullOrWhiteSpace(filter.Recipient))
        {
            var term = filter.Recipient.Trim().ToLowerInvariant();
            messages = messages.Where(m => m.Recipient.Contains(term));
        }

        if (filter.From is not null || filter.To is not null)
        {
            var zone = await OrgTime.ZoneAsync(db, ct);
            if (filter.From is { } from)
            {
                var start = OrgLocalTime.At(from, TimeOnly.MinValue, zone);
                messages = messages.Where(m => m.CreatedAt >= start);
            }

            if (filter.To is { } to)
            {
                var end = OrgLocalTime.At(to.AddDays(1), TimeOnly.MinValue, zone);
                messages = messages.Where(m => m.CreatedAt < end);
            }
        }

        var total = await messages.CountAsync(ct);
        var items = await messages.OrderByDescending(m => m.Id)
            .Skip(Math.Max(0, filter.Skip)).Take(Math.Clamp(filter.Take, 1, MaxPageSize))
            .Select(m => new OutboxListItem(m.Id, m.CreatedAt, m.Kind, m.Channel, m.Recipient, m.Subject ?? m.Body, m.Status, m.Attempts, m.OfferId, m.LastError, m.Note))
            .ToListAsync(ct);
        return new Page<OutboxListItem>([.. items.Select(i => i.Summary.Length > 120 ? i with { Summary = i.Summary[..119] + "…" } : i)], total);
    }

    public async Task<Result<OutboxMessageView>> GetAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
        {
            return NotFound(id);
        }

        var offerName = m.OfferId is { } offerId ? await db.Offers.AsNoTracking().Where(o => o.Id == offerId).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
        return new OutboxMessageView(m.Id, m.Key, m.CreatedAt, m.CreatedBy, m.Kind, m.Channel, m.Recipient, m.Subject, m.Body, m.Status, m.Attempts,
            m.LastError, m.Note, m.NextAttemptAt, m.SentAt, m.OfferId, offerName, m.CouponId, m.CustomerId);
    }

    internal static Error NotFound(long id) => Error.NotFound(ErrorCodes.MessageNotFound, $"There is no outbox message {id}.");
}
