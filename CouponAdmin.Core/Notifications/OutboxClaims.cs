using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Dialects;
using CouponAdmin.Core.Persistence.Statements;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Notifications;

/// <summary>
/// Delivery's claims on the outbox (the statements are <see cref="OutboxStatements"/>). A run claims a batch with one conditional <c>UPDATE … RETURNING</c> (pending and due, or
/// sending with a lapsed claim), stamping its token and a lease; two runs can never hold the same message. Each message
/// is then settled on its own, right after its send, and only by the run whose token it carries.
/// </summary>
internal static class OutboxClaims
{
    public static Task<List<ClaimedMessage>> ClaimAsync(CouponDbContext db, string token, DateTimeOffset now, DateTimeOffset leaseUntil, int batch, CancellationToken ct) =>
        db.ListAsync(OutboxStatements.For(db.Dialect).Claim, r => new ClaimedMessage(r.GetInt64(0), r.GetString(1), Enum.Parse<MessageChannel>(r.GetString(2)), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetInt32(6)),
            ct, ("@token", token), ("@now", now), ("@lease", leaseUntil), ("@batch", batch));

    /// <summary>The statement that records one attempt's outcome, prepared once per run: it runs after every send.</summary>
    public static async Task<Settler> SettlerAsync(CouponDbContext db, string token, int maxAttempts, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var cmd = Sql.Command(db, OutboxStatements.For(db.Dialect).Settle, ("@id", 0L), ("@token", token), ("@status", ""), ("@attempts", 0),
            ("@next", 0L), ("@now", 0L), ("@sent", false), ("@failed", false), ("@detail", ""));
        cmd.Prepare();
        return new Settler(cmd, db.Dialect, maxAttempts);
    }

    /// <summary>
    /// Records one attempt's outcome, only if this run still holds the message. A failure goes back to pending with
    /// back-off, or stays failed after the last attempt.
    /// </summary>
    public sealed class Settler(System.Data.Common.DbCommand cmd, ISqlDialect dialect, int maxAttempts) : IAsyncDisposable
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
            p["@next"].Value = dialect.ToDb(next);
            p["@now"].Value = dialect.ToDb(now);
            p["@sent"].Value = dialect.ToDb(outcome.Result == DeliveryResult.Sent);
            p["@failed"].Value = dialect.ToDb(outcome.Result is DeliveryResult.Retry or DeliveryResult.Failed);
            p["@detail"].Value = Cut(outcome.Detail);
            // Not cancellable: an accepted message must be recorded as sent even when the run is being stopped.
            return cmd.ExecuteNonQueryAsync(CancellationToken.None);
        }

        public ValueTask DisposeAsync() => cmd.DisposeAsync();
    }

    /// <summary>Hands messages this run will not get to back to the queue, as they were.</summary>
    public static Task<int> ReleaseAsync(CouponDbContext db, IEnumerable<long> ids, string token, DateTimeOffset now, CancellationToken ct) =>
        db.ExecuteAsync(OutboxStatements.For(db.Dialect).Release, ct, ("@token", token), ("@now", now), ("@ids", db.Dialect.List(ids)));

    private static string Cut(string text) => text.Length <= OutboxMessage.MaxDetailLength ? text : text[..(OutboxMessage.MaxDetailLength - 1)] + "…";
}
