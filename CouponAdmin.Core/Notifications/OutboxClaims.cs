using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Notifications;

/// <summary>
/// The statements of delivery. A run claims a batch with one conditional <c>UPDATE … RETURNING</c> (pending and due, or
/// sending with a lapsed claim), stamping its token and a lease; two runs can never hold the same message. Each message
/// is then settled on its own, right after its send, and only by the run whose token it carries.
/// </summary>
internal static class OutboxClaims
{
    public static Task<List<ClaimedMessage>> ClaimAsync(CouponDbContext db, string token, DateTimeOffset now, DateTimeOffset leaseUntil, int batch, CancellationToken ct) =>
        db.ListAsync("""
            UPDATE "OutboxMessages" SET "Status" = 'Sending', "ClaimToken" = @token, "NextAttemptAt" = @lease
            WHERE "Id" IN (SELECT "Id" FROM "OutboxMessages" WHERE "Status" IN ('Pending', 'Sending') AND "NextAttemptAt" <= @now LIMIT @batch)
            RETURNING "Id", "Key", "Channel", "Recipient", "Subject", "Body", "Attempts"
            """, r => new ClaimedMessage(r.GetInt64(0), r.GetString(1), Enum.Parse<MessageChannel>(r.GetString(2)), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetInt32(6)),
            ct, ("@token", token), ("@now", now), ("@lease", leaseUntil), ("@batch", batch));

    /// <summary>The statement that records one attempt's outcome, prepared once per run: it runs after every send.</summary>
    public static async Task<Settler> SettlerAsync(CouponDbContext db, string token, int maxAttempts, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var cmd = Sql.Command(db, """
            UPDATE "OutboxMessages"
            SET "Status" = @status, "Attempts" = @attempts, "NextAttemptAt" = @next, "ClaimToken" = NULL,
                "SentAt" = CASE WHEN @sent THEN @now ELSE "SentAt" END,
                "LastError" = CASE WHEN @failed THEN @detail ELSE "LastError" END,
                "Note" = CASE WHEN @failed THEN "Note" ELSE @detail END
            WHERE "Id" = @id AND "ClaimToken" = @token
            """, ("@id", 0L), ("@token", token), ("@status", ""), ("@attempts", 0), ("@next", 0L), ("@now", 0L), ("@sent", 0), ("@failed", 0), ("@detail", ""));
        cmd.Prepare();
        return new Settler(cmd, maxAttempts);
    }

    /// <summary>
    /// Records one attempt's outcome, only if this run still holds the message. A failure goes back to pending with
    /// back-off, or stays failed after the last attempt.
    /// </summary>
    public sealed class Settler(System.Data.Common.DbCommand cmd, int maxAttempts) : IAsyncDisposable
    {
        public Task<int> SettleAsync(ClaimedMessage m, DeliveryOutcome outcome, DateTimeOffset now)
        {
            var attempts = m.Attempts + (outcome.Result == DeliveryResult.Skipped ? 0 : 1);
            var (status, next) = outcome.Result switch
            {
                DeliveryResult.Sent => (MessageStatus.Sent, now),
                DeliveryResult.Skipped => (MessageStatus.Skipped, now),
                DeliveryResult.Retry when attempts < maxAttempts => (MessageStatus.Pending, now + RetrySchedule.DelayAfter(attempts)),
                _ => (MessageStatus.Failed, now),
            };
            var p = cmd.Parameters;
            p["@id"].Value = m.Id;
            p["@status"].Value = status.ToString();
            p["@attempts"].Value = attempts;
            p["@next"].Value = next.UtcTicks;
            p["@now"].Value = now.UtcTicks;
            p["@sent"].Value = outcome.Result == DeliveryResult.Sent ? 1 : 0;
            p["@failed"].Value = outcome.Result is DeliveryResult.Retry or DeliveryResult.Failed ? 1 : 0;
            p["@detail"].Value = Cut(outcome.Detail);
            // Not cancellable: an accepted message must be recorded as sent even when the run is being stopped.
            return cmd.ExecuteNonQueryAsync(CancellationToken.None);
        }

        public ValueTask DisposeAsync() => cmd.DisposeAsync();
    }

    /// <summary>Hands messages this run will not get to back to the queue, as they were.</summary>
    public static Task<int> ReleaseAsync(CouponDbContext db, IEnumerable<long> ids, string token, DateTimeOffset now, CancellationToken ct) =>
        db.ExecuteAsync("""
            UPDATE "OutboxMessages" SET "Status" = 'Pending', "NextAttemptAt" = @now, "ClaimToken" = NULL
            WHERE "ClaimToken" = @token AND "Id" IN (SELECT value FROM json_each(@ids))
            """, ct, ("@token", token), ("@now", now), ("@ids", System.Text.Json.JsonSerializer.Serialize(ids)));

    private static string Cut(string text) => text.Length <= OutboxMessage.MaxDetailLength ? text : text[..(OutboxMessage.MaxDetailLength - 1)] + "…";
}
