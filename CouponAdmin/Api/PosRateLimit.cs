using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CouponAdmin.Api;

/// <summary>
/// Redeem and validate are limited per API key (fixed one-second windows, <c>RateLimiting:PosPermitsPerSecond</c>);
/// a refused call gets 429, code RATE_LIMITED and a Retry-After header.
/// </summary>
internal static class PosRateLimit
{
    public const string Policy = "pos";

    public static IServiceCollection AddPosRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:PosPermitsPerSecond", 5000);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Request.Headers[ApiKeyFilter.HeaderName].ToString(),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ApiResults.Problem(StatusCodes.Status429TooManyRequests, "RATE_LIMITED",
                    $"More than {permits} redeem or validate calls a second with this API key; retry after {retryAfter.TotalSeconds:0} s.").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
