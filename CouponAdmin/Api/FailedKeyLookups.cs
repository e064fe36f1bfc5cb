using System.Threading.RateLimiting;

namespace CouponAdmin.Api;

/// <summary>
/// Throttles guessing: each unknown API key costs the client address one of
/// <c>RateLimiting:FailedKeyLookupsPerMinute</c> (default 60) failures per one-minute window; once they are spent, every
/// /api call from that address is refused with 429 before any key is looked up, until the window ends. Idle
/// addresses are forgotten by the partitioned limiter, so many addresses cost no lasting memory.
/// </summary>
internal sealed class FailedKeyLookups : IDisposable
{
    public const int DefaultPerMinute = 60;

    private readonly PartitionedRateLimiter<string> _perAddress;

    public FailedKeyLookups(IConfiguration configuration)
    {
        PerMinute = configuration.GetValue("RateLimiting:FailedKeyLookupsPerMinute", DefaultPerMinute);
        if (PerMinute < 1)
        {
            throw new InvalidOperationException($"RateLimiting:FailedKeyLookupsPerMinute must be at least 1, not {PerMinute}.");
        }

        _perAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = PerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    public int PerMinute { get; }

    /// <summary>True when the address has spent its failures for this window (asking takes nothing from it).</summary>
    public bool IsBlocked(HttpContext http, out TimeSpan retryAfter)
    {
        using var lease = _perAddress.AttemptAcquire(Address(http), permitCount: 0);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return !lease.IsAcquired;
    }

    public void RecordFailure(HttpContext http) => _perAddress.AttemptAcquire(Address(http)).Dispose();

    public void Dispose() => _perAddress.Dispose();

    // Behind a reverse proxy this is the proxy's address unless forwarded headers are configured (see README).
    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
