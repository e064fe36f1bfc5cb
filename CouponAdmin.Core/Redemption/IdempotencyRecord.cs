namespace CouponAdmin.Core.Redemption;

/// <summary>
/// The first answer to a request sent with an <c>Idempotency-Key</c>, replayed for repeats. Keyed by
/// (<see cref="Scope"/>, <see cref="Key"/>): each API key, and the uploads, have keys of their own.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = IdempotencyKey.MaxLength;
    public const int MaxScopeLength = 40;

    public string Scope { get; set; } = "";
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public string Outcome { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
