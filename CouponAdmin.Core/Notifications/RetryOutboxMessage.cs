using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Notifications;

/// <summary>
/// "Retry" on the Outbox screen: a failed (or skipped, addressed) message becomes pending and due now. Its attempts keep
/// counting, so a retried message that fails again stays failed at once: a person asked for one more try.
/// </summary>
public sealed class RetryOutboxMessage(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock, IOutboxSignal signal)
{
    public async Task<Result<OutboxMessageView>> ExecuteAsync(long messageId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId, ct);
        if (message is null)
        {
            return OutboxQueries.NotFound(messageId);
        }

        if (!OutboxQueries.CanRetry(message.Status, message.Recipient))
        {
            return Error.Rule(ErrorCodes.MessageNotRetryable,
                $"Message {messageId} is {message.Status.ToString().ToLowerInvariant()}{(message.Recipient.Length == 0 ? " and has no recipient" : "")}; only failed messages can be retried.");
        }

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Conditional on the status it was read in, so two people pressing Retry queue it once.
        var changed = await db.ExecuteAsync(OutboxStatements.For(db.Dialect).Retry, ct, ("@id", messageId), ("@now", now), ("@status", message.Status.ToString()));
        if (changed == 1)
        {
            AuditLog.Record<object>(db, now, actor, "outbox.retried", nameof(OutboxMessage), messageId, new { message.Status, message.Attempts }, new { Status = MessageStatus.Pending });
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        signal.MessagesWritten();
        return await new OutboxQueries(dbFactory).GetAsync(messageId, ct);
    }
}
