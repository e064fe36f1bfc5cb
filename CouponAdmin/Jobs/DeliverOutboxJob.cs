using CouponAdmin.Core.Notifications;
using Hangfire;

namespace CouponAdmin.Jobs;

/// <summary>
/// Sends what the outbox holds that is due. Recurring every few seconds and queued after resends and reminder runs.
/// Safe to run twice (claims never overlap); a run that finds another one busy in this process leaves the work to it,
/// so deliveries do not pile up on the workers that uploads need.
/// </summary>
public sealed class DeliverOutboxJob(DeliverOutbox deliver)
{
    private static readonly SemaphoreSlim Running = new(1, 1);

    /// <summary>One run's share of the workers; what is left is picked up by the next run.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(5);

    // The outbox has its own retry schedule: a failed run must not be repeated by Hangfire.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await Running.WaitAsync(0, cancellationToken))
        {
            return;
        }

        try
        {
            await deliver.RunAsync(Budget, cancellationToken);
        }
        finally
        {
            Running.Release();
        }
    }
}
