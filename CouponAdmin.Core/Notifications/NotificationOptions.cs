namespace CouponAdmin.Core.Notifications;

/// <summary>
/// Settings of the notifications work (configuration <c>Notifications:*</c> and <c>App:BaseUrl</c>; the README lists them).
/// </summary>
public sealed record NotificationOptions
{
    public static NotificationOptions Default { get; } = new();

    /// <summary>Where people open the app; links in e-mails (the issual-limit alert's link to the offer) start with it.</summary>
    public string BaseUrl { get; init; } = "http://localhost:5110";

    /// <summary>Attempts before a message stays failed.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>A reminder whose moment passed longer ago than this is not sent any more (e.g. after the app was down).</summary>
    public int ReminderCatchUpHours { get; init; } = 24;

    public int ResendPerCouponPerHour { get; init; } = 3;

    /// <summary>Messages one delivery run claims at a time (one SMTP connection serves a batch).</summary>
    public int DeliveryBatchSize { get; init; } = 100;

    /// <summary>How long a claim holds; a run stops sending a batch well before it lapses, so no other run can take it over mid-send.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Coupons per reminder transaction, so one big expiry day never holds the write lock for long.</summary>
    public int ReminderChunkSize { get; init; } = 50_000;

    public string OfferLink(long offerId) => $"{BaseUrl.TrimEnd('/')}/incentives/{offerId}";
}
