using CouponAdmin.Core.Access;

namespace CouponAdmin.Api;

/// <summary>
/// <c>X-Api-Key</c> authentication for every /api call, the throttle on guessed keys, per-endpoint scope checks and
/// the per-key POS rate limit (which needs the authenticated key, so it runs here).
/// </summary>
internal static class ApiKeyFilter
{
    public const string HeaderName = "X-Api-Key";
    private const string ItemKey = "CouponAdmin.ApiKey";

    public static RouteGroupBuilder WithApiKey(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            var failures = http.RequestServices.GetRequiredService<FailedKeyLookups>();
            if (failures.IsBlocked(http, out var blockedFor))
            {
                return ApiResults.RateLimited(http, blockedFor,
                    $"Too many calls with an unknown API key from this address (more than {failures.PerMinute} a minute); retry after {Seconds(blockedFor)} s.");
            }

            var keys = http.RequestServices.GetRequiredService<ApiKeyService>();
            var key = await keys.AuthenticateAsync(http.Request.Headers[HeaderName].ToString(), http.RequestAborted);
            if (key is null)
            {
                if (!string.IsNullOrWhiteSpace(http.Request.Headers[HeaderName]))
                {
                    failures.RecordFailure(http);
                }

                return ApiResults.Problem(StatusCodes.Status401Unauthorized, "UNAUTHORIZED",
                    $"Send a valid API key in the {HeaderName} header.");
            }

            var endpoint = http.GetEndpoint();
            var required = endpoint?.Metadata.GetMetadata<RequiredScope>();
            if (required is not null && !key.Scopes.Contains(required.Scope) && !key.Scopes.Contains(ApiScopes.Admin))
            {
                return ApiResults.Problem(StatusCodes.Status403Forbidden, "FORBIDDEN",
                    $"The API key {key.PublicId} ({key.Name}) lacks the '{required.Scope}' scope.");
            }

            if (endpoint?.Metadata.GetMetadata<PosRateLimit.Limited>() is not null)
            {
                var limit = http.RequestServices.GetRequiredService<PosRateLimit>();
                if (!limit.TryAcquire(key.Id, out var wait))
                {
                    return ApiResults.RateLimited(http, wait,
                        $"More than {limit.PermitsPerSecond} redeem or validate calls a second with this API key; retry after {Seconds(wait)} s.");
                }
            }

            http.Items[ItemKey] = key;
            return await next(ctx);
        });
        return group;
    }

    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(scope));

    /// <summary>The key that authenticated this call (every /api/v1 endpoint runs behind the filter).</summary>
    public static ApiKey CallingKey(this HttpContext http) =>
        http.Items[ItemKey] as ApiKey ?? throw new InvalidOperationException("This endpoint is not behind the API-key filter.");

    /// <summary>Who made the call, for the audit log.</summary>
    public static string Actor(this HttpContext http) =>
        http.Items[ItemKey] is ApiKey key ? $"api-key:{key.Name} ({key.PublicId})" : "api";

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public sealed record RequiredScope(string Scope);
}
