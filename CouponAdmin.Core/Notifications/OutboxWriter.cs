using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Notifications;

/// <summary>A message to add to the outbox. <see cref="SkipReason"/> writes it as skipped (nothing to send it to).</summary>
internal sealed record OutboxDraft(string Key, MessageKind Kind, MessageChannel Channel, string Recipient, string? Subject, string Body, string CreatedBy,
    long? OfferId = null, long? CouponId = null, long? CustomerId = null, string? SkipReason = null);

/// <summary>
/// Adds messages on the context's connection and current transaction, so a message commits with the event that causes it.
/// The unique key makes a second write of the same message a no-op that answers the first one's id.
/// </summary>
internal static class OutboxWriter
{
    public static async Task<long> AddAsync(CouponDbContext db, OutboxDraft m, DateTimeOffset now, CancellationToken ct)
    {
        var sql = OutboxStatements.For(db.Dialect);
        var id = await db.ScalarAsync<long>(sql.Add, ct, ("@key", m.Key), ("@kind", m.Kind.ToString()), ("@channel", m.Channel.ToString()), ("@to", m.Recipient), ("@subject", m.Subject),
            ("@body", m.Body), ("@status", (m.SkipReason is null ? MessageStatus.Pending : MessageStatus.Skipped).ToString()), ("@note", m.SkipReason),
            ("@now", now), ("@by", m.CreatedBy), ("@offer", m.OfferId), ("@coupon", m.CouponId), ("@customer", m.CustomerId));
        return id ?? await db.ScalarAsync<long>(sql.IdByKey, ct, ("@key", m.Key))
            ?? throw new InvalidOperationException($"Outbox message '{m.Key}' was neither written nor found.");
    }
}
