using System.Threading.RateLimiting;

namespace CouponAdmin.Api;

/// <summary>
/// Redeem and validate are limited per API key (fixed one-second windows, <c>RateLimiting:PosPermitsPerSecond</c>).
/// The bucket is the authenticated key's id, not the header as sent: the same key spelled with extra whitespace is
/// the same key, so it draws on the same allowance. That is why the limit runs in <see cref="ApiKeyFilter"/>, after
/// authentication, rather than in the rate-limiter middleware (which runs before any key is known).
/// </summary>
internal sealed class PosRateLimit : IDisposable
{
    public const int DefaultPermitsPerSecond = 5000;

    private readonly PartitionedRateLimiter<long> _perKey;

    public PosRateLimit(IConfiguration configuration)
    {
        PermitsPerSecond = configuration.GetValue("RateLimiting:PosPermitsPerSecond", DefaultPermitsPerSecond);
        _perKey = PartitionedRateLimiter.Create<long, long>(keyId => RateLimitPartition.GetFixedWindowLimiter(keyId,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerSecond, Window = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
    }

    public int PermitsPerSecond { get; }

    /// <summary>Takes one call from the key's allowance; false (with how long to wait) when this second's is spent.</summary>
    public bool TryAcquire(long keyId, out TimeSpan retryAfter)
    {
        using var lease = _perKey.AttemptAcquire(keyId);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return lease.IsAcquired;
    }

    public void Dispose() => _perKey.Dispose();

    /// <summary>Marks an endpoint as limited per key; <see cref="ApiKeyFilter"/> applies it.</summary>
    public sealed record Limited;
}

internal static class PosRateLimitExtensions
{
    /// <summary>The API's two limiters: redeem/validate calls per key, and unknown keys per client address.</summary>
    public static IServiceCollection AddPosRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => new PosRateLimit(configuration));
        services.AddSingleton(_ => new FailedKeyLookups(configuration));
        return services;
    }

    public static TBuilder RequirePosRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PosRateLimit.Limited());
}
