using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Notifications;

public sealed record DeliveryReport(int Sent, int Retrying, int Failed, int Skipped)
{
    public int Total => Sent + Retrying + Failed + Skipped;
}

/// <summary>
/// One delivery run: claims due messages a batch at a time, sends each e-mail batch over one SMTP session and each SMS
/// by its own request, and settles every message right after its send, so an accepted message is marked sent before the
/// next one goes. Runs until nothing is due (or <c>budget</c> is spent). Safe to run twice at once: claims never overlap.
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
        while (!ct.IsCancellationRequested && (budget is null || clock.GetUtcNow() - started < budget))
        {
            var now = clock.GetUtcNow();
            var batch = await OutboxClaims.ClaimAsync(db, token, now, now + options.ClaimLease, options.DeliveryBatchSize, ct);
            if (batch.Count == 0)
            {
                break;
            }

            var sendUntil = now + options.ClaimLease - SendAllowance;
            var left = batch.OrderBy(m => m.Id).ToList();
            await using (var session = email.Open())
            {
                while (left.Count > 0 && clock.GetUtcNow() < sendUntil && !ct.IsCancellationRequested)
                {
                    var message = left[0];
                    var outcome = message.Channel == MessageChannel.Email
                        ? await session.SendAsync(message, ct)
                        : await sms.SendAsync(message, ct);
                    await OutboxClaims.SettleAsync(db, message, outcome, token, clock.GetUtcNow(), options.MaxAttempts, CancellationToken.None);
                    tally[(int)outcome.Result]++;
                    left.RemoveAt(0);
                }
            }

            if (left.Count > 0)
            {
                await OutboxClaims.ReleaseAsync(db, left.Select(m => m.Id), token, clock.GetUtcNow(), CancellationToken.None);
            }
        }

        return new DeliveryReport(tally[(int)DeliveryResult.Sent], tally[(int)DeliveryResult.Retry], tally[(int)DeliveryResult.Failed], tally[(int)DeliveryResult.Skipped]);
    }
}
