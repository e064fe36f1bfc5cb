namespace CouponAdmin.Core.Notifications;

public enum MessageChannel { Sms, Email }

/// <summary>
/// Where a message is in its life: written <see cref="Pending"/>, claimed by a delivery run as <see cref="Sending"/>,
/// then <see cref="Sent"/>, back to pending for a later attempt, <see cref="Failed"/> for good, or <see cref="Skipped"/>
/// when it cannot be sent at all (no recipient, no SMS gateway).
/// </summary>
public enum MessageStatus { Pending, Sending, Sent, Failed, Skipped }

/// <summary>What caused a message.</summary>
public enum MessageKind { Reminder, IssualAlert, Resend }

/// <summary>
/// One message of the outbox. It is written in the transaction of the event that causes it, under a unique
/// <see cref="Key"/> (see docs/architecture.md, "Notifications"), so a retried or overlapping writer can never make it
/// twice; delivery runs claim it before sending, so it leaves at most once per accepted send.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxKeyLength = 200;
    public const int MaxRecipientLength = 254;
    public const int MaxSubjectLength = 300;
    public const int MaxDetailLength = 2000;

    public long Id { get; set; }
    public string Key { get; set; } = "";
    public MessageKind Kind { get; set; }
    public MessageChannel Channel { get; set; }
    /// <summary>A mobile number or an e-mail address; empty when the customer has none (the message is then skipped).</summary>
    public string Recipient { get; set; } = "";
    public string? Subject { get; set; }
    public string Body { get; set; } = "";
    public MessageStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>What delivery said: the server's answer, the file an e-mail was written to, or why it was skipped.</summary>
    public string? Note { get; set; }
    /// <summary>When a pending message is due; while <see cref="MessageStatus.Sending"/>, when its claim lapses.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Set while a delivery run holds the message, so only that run can settle it.</summary>
    public string? ClaimToken { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public long? OfferId { get; set; }
    public long? CouponId { get; set; }
    public long? CustomerId { get; set; }
}
