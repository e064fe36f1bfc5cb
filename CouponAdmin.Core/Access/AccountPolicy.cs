namespace CouponAdmin.Core.Access;

/// <summary>
/// How accounts are protected: lockout after repeated wrong passwords, and the password rule. Length over
/// composition: twelve characters or more, with at least four different ones, and no required digits or symbols.
/// </summary>
public sealed record AccountPolicy
{
    public const int MinPasswordLength = 12;
    public const int MinDistinctPasswordCharacters = 4;

    /// <summary>Wrong passwords in a row that lock an account (and an unknown e-mail, so locking reveals nothing).</summary>
    public int MaxFailedSignIns { get; init; } = 5;

    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How often an open page (a Blazor circuit) checks that its user is still enabled and unchanged.</summary>
    public TimeSpan CircuitRevalidation { get; init; } = TimeSpan.FromSeconds(10);
}
