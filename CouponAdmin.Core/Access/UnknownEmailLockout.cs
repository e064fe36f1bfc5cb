using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CouponAdmin.Core.Access;

/// <summary>
/// Lockout for e-mails that have no account, counted in memory like Identity counts real accounts: after the same
/// number of wrong passwords an unknown e-mail is "locked" for the same time. So "this account is locked" is said
/// of any e-mail tried often enough, and does not tell anyone which e-mails have accounts.
/// </summary>
public sealed class UnknownEmailLockout(TimeProvider clock, IOptions<IdentityOptions> identity)
{
    /// <summary>Bounds the memory a flood of made-up e-mails can take; past it, expired entries go, then all.</summary>
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public bool IsLockedOut(string email) =>
        _entries.TryGetValue(Key(email), out var entry) && entry.LockedUntil > clock.GetUtcNow();

    /// <summary>Counts a wrong password for an unknown e-mail; true when that locks it.</summary>
    public bool Fail(string email)
    {
        var lockout = identity.Value.Lockout;
        var now = clock.GetUtcNow();
        if (_entries.Count >= MaxTracked)
        {
            Trim(now);
        }

        var entry = _entries.AddOrUpdate(Key(email), _ => Next(new Entry(0, null)), (_, old) => Next(old));
        return entry.LockedUntil > now;

        Entry Next(Entry old)
        {
            var failures = (old.LockedUntil is { } until && until <= now ? 0 : old.Failures) + 1;
            return failures >= lockout.MaxFailedAccessAttempts
                ? new Entry(0, now + lockout.DefaultLockoutTimeSpan)
                : new Entry(failures, old.LockedUntil > now ? old.LockedUntil : null);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.LockedUntil is { } until && until <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        if (_entries.Count >= MaxTracked)
        {
            _entries.Clear();
        }
    }

    private static string Key(string email) => email.Trim();

    private sealed record Entry(int Failures, DateTimeOffset? LockedUntil);
}
