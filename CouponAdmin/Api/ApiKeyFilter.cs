using CouponAdmin.Core.Access;

namespace CouponAdmin.Api;

/// <summary><c>X-Api-Key</c> authentication for every /api call, and per-endpoint scope checks.</summary>
internal static class ApiKeyFilter
{
    public const string HeaderName = "X-Api-Key";
    private const string ItemKey = "CouponAdmin.ApiKey";

    public static RouteGroupBuilder WithApiKey(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            var keys = http.RequestServices.GetRequiredService<ApiKeyService>();
            var key = await keys.AuthenticateAsync(http.Request.Headers[HeaderName].ToString(), http.RequestAborted);
            if (key is null)
            {
                return ApiResults.Problem(StatusCodes.Status401Unauthorized, "UNAUTHORIZED",
                    $"Send a valid API key in the {HeaderName} header.");
            }

            var required = http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>();
            if (required is not null && !key.Scopes.Contains(required.Scope) && !key.Scopes.Contains(ApiScopes.Admin))
            {
                return ApiResults.Problem(StatusCodes.Status403Forbidden, "FORBIDDEN",
                    $"The API key '{key.Prefix}…' lacks the '{required.Scope}' scope.");
            }

            http.Items[ItemKey] = key;
            return await next(ctx);
        });
        return group;
    }

    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(scope));

    /// <summary>Who made the call, for the audit log.</summary>
    public static string Actor(this HttpContext http) =>
        http.Items[ItemKey] is ApiKey key ? $"api-key:{key.Name} ({key.Prefix}…)" : "api";

    public sealed record RequiredScope(string Scope);
}
