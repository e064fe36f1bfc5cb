namespace CouponAdmin.Core.Notifications;

/// <summary>When a failed message is tried again: about 1, 5 and 30 minutes after the first failures, then hourly.</summary>
public static class RetrySchedule
{
    private static readonly TimeSpan[] Early = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];

    /// <param name="failedAttempts">Attempts made so far, including the one that just failed (1 or more).</param>
    public static TimeSpan DelayAfter(int failedAttempts) =>
        failedAttempts >= 1 && failedAttempts <= Early.Length ? Early[failedAttempts - 1] : TimeSpan.FromHours(1);
}
