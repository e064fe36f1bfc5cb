using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Notifications;

public sealed record DeliveryReport(int Sent, int Retrying, int Failed, int Skipped)
{
    public int Total => Sent + Retrying + Failed + Skipped;
}

/// <summary>
/// One delivery run: claims due messages a batch at a time and sends them, e-mail over one SMTP session kept for the
/// whole run, SMS one request each; every message is settled right after its send, so an accepted message is marked
/// sent before the next one goes. Runs until nothing is due, <c>budget</c> is spent, or a batch sent nothing and hit a
/// retryable failure (the server is down: the back-off decides when to try again). Safe to run twice at once: claims
/// never overlap.
/// </summary>
public sealed class DeliverOutbox(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock, NotificationOptions options,
    IEmailTransport email, ISmsGateway sms)
{
    /// <summary>Time kept in hand before a claim lapses: longer than one send can take (the SMTP and HTTP timeouts).</summary>
    private static readonly TimeSpan SendAllowance = TimeSpan.FromMinutes(2);

    public async Task<DeliveryReport> RunAsync(TimeSpan? budget = null, CancellationToken ct = default)
    {
        var started = clock.GetUtcNow();
        var token = Guid.NewGuid().ToString("N");
        var tally = new int[4];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var session = email.Open();
        await using var settler = await OutboxClaims.SettlerAsync(db, token, options.MaxAttempts, ct);
        while (!ct.IsCancellationRequested && (budget is null || clock.GetUtcNow() - started < budget))
        {
            var now = clock.GetUtcNow();
            var batch = await OutboxClaims.ClaimAsync(db, token, now, now + options.ClaimLease, options.DeliveryBatchSize, ct);
            if (batch.Count == 0)
            {
                break;
            }

            var sendUntil = now + options.ClaimLease - SendAllowance;
            batch.Sort((a, b) => a.Id.CompareTo(b.Id));
            var done = 0;
            var progressed = false;
            var stalled = false;
            for (; done < batch.Count && clock.GetUtcNow() < sendUntil && !ct.IsCancellationRequested; done++)
            {
                var message = batch[done];
                var outcome = message.Channel == MessageChannel.Email ? await session.SendAsync(message, ct) : await sms.SendAsync(message, ct);
                await settler.SettleAsync(message, outcome, clock.GetUtcNow());
                tally[(int)outcome.Result]++;
                progressed |= outcome.Result != DeliveryResult.Retry;
                stalled |= outcome.Result == DeliveryResult.Retry;
            }

            if (done < batch.Count)
            {
                await OutboxClaims.ReleaseAsync(db, batch.Skip(done).Select(m => m.Id), token, clock.GetUtcNow(), CancellationToken.None);
            }

            if (stalled && !progressed)
            {
                break;
            }
        }

        return new DeliveryReport(tally[(int)DeliveryResult.Sent], tally[(int)DeliveryResult.Retry], tally[(int)DeliveryResult.Failed], tally[(int)DeliveryResult.Skipped]);
    }
}
