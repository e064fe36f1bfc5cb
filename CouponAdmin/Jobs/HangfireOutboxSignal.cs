using CouponAdmin.Core.Notifications;
using Hangfire;

namespace CouponAdmin.Jobs;

/// <summary>Starts a delivery run as soon as Core writes messages outside the recurring schedule (resend, retry, reminders).</summary>
public sealed class HangfireOutboxSignal(IBackgroundJobClient jobs) : IOutboxSignal
{
    public void MessagesWritten() => jobs.Enqueue<DeliverOutboxJob>(j => j.RunAsync(CancellationToken.None));
}
