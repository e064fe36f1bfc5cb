namespace CouponAdmin.Core.Notifications;

/// <summary>
/// Told when messages were written outside an issuing transaction (a resend, a retry, a reminder run), so the host can
/// start a delivery run at once instead of at its next scheduled one.
/// </summary>
public interface IOutboxSignal
{
    void MessagesWritten();
}

/// <summary>For callers without a job queue (tests, benchmarks): delivery runs when they run it.</summary>
public sealed class NoOutboxSignal : IOutboxSignal
{
    public static NoOutboxSignal Instance { get; } = new();

    public void MessagesWritten()
    {
    }
}
