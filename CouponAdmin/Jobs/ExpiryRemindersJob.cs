using CouponAdmin.Core.Notifications;
using Hangfire;

namespace CouponAdmin.Jobs;

/// <summary>Writes the expiry reminders that came due (recurring, <c>Notifications:ReminderCron</c>). Safe to run twice: messages are keyed.</summary>
public sealed class ExpiryRemindersJob(ExpiryReminders reminders)
{
    // The next scheduled run catches up on what a failed one missed.
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => reminders.RunAsync(cancellationToken);
}
