namespace CouponAdmin.Core.Notifications;

/// <summary>A message a delivery run holds: what a sender needs, and how many attempts came before.</summary>
public sealed record ClaimedMessage(long Id, string Key, MessageChannel Channel, string Recipient, string? Subject, string Body, int Attempts);

public enum DeliveryResult
{
    /// <summary>The server or gateway accepted it: never sent again.</summary>
    Sent,

    /// <summary>It cannot be sent here (no SMS gateway configured): kept, with the reason.</summary>
    Skipped,

    /// <summary>This attempt failed in a way a later one may not (connection refused, timeout, 5xx).</summary>
    Retry,

    /// <summary>The server refused the message itself (a rejected address): no later attempt would do better.</summary>
    Failed,
}

/// <summary>What one send came to; <see cref="Detail"/> is the server's answer, the reason, or the error, for the outbox screen.</summary>
public sealed record DeliveryOutcome(DeliveryResult Result, string Detail)
{
    public static DeliveryOutcome Sent(string note) => new(DeliveryResult.Sent, note);

    public static DeliveryOutcome Skipped(string reason) => new(DeliveryResult.Skipped, reason);

    public static DeliveryOutcome Retry(string error) => new(DeliveryResult.Retry, error);

    public static DeliveryOutcome Failed(string error) => new(DeliveryResult.Failed, error);
}

/// <summary>Sends e-mail. A session is one connection, reused for a batch.</summary>
public interface IEmailTransport
{
    IEmailSession Open();
}

public interface IEmailSession : IAsyncDisposable
{
    /// <summary>Sends one message; library and network errors come back as outcomes, not exceptions.</summary>
    Task<DeliveryOutcome> SendAsync(ClaimedMessage message, CancellationToken ct);
}

/// <summary>Sends SMS, one request per message.</summary>
public interface ISmsGateway
{
    /// <summary>Sends one message; transport errors come back as outcomes, not exceptions.</summary>
    Task<DeliveryOutcome> SendAsync(ClaimedMessage message, CancellationToken ct);
}
