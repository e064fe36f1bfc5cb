using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using CouponAdmin.Core.Access;
using CouponAdmin.Core.Pos;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CouponAdmin.Api;

/// <summary>
/// <c>GET /api/v1/instore/offers?storeId=S1[&amp;changedSince=…]</c>: the in-store offer feed tills poll. A strong ETag
/// (a hash of the body) lets a till ask <c>If-None-Match</c> and get 304 while nothing changed for its store.
/// </summary>
internal static class InstoreApi
{
    /// <summary>A store's full feed is the same object for as long as the snapshot stands: its body and ETag are made once.</summary>
    private static readonly ConditionalWeakTable<InstoreFeed, Encoded> Bodies = [];

    public static void MapInstoreApi(this RouteGroupBuilder api)
    {
        api.MapGet("/instore/offers", async Task<IResult> (string? storeId, DateTimeOffset? changedSince, InstoreOffers feeds, IOptions<JsonOptions> json,
            HttpContext http, CancellationToken ct) =>
        {
            var result = await feeds.GetAsync(storeId, changedSince, ct);
            if (!result.IsSuccess)
            {
                return ApiResults.Problem(result.Error);
            }

            var feed = result.Value;
            var encoded = feed.Full ? Bodies.GetValue(feed, f => Encode(f, json.Value.SerializerOptions)) : Encode(feed, json.Value.SerializerOptions);
            http.Response.Headers.ETag = encoded.ETag.ToString();
            return Matches(http.Request, encoded.ETag)
                ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                : TypedResults.Bytes(encoded.Json, "application/json");
        }).WithTags("In-store").RequireScope(ApiScopes.Redeem);
    }

    /// <summary>If-None-Match compares weakly (RFC 9110): any listed tag equal to ours, or <c>*</c>.</summary>
    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        request.Headers.IfNoneMatch.Count > 0
        && request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));

    private static Encoded Encode(InstoreFeed feed, JsonSerializerOptions options)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(feed, options.GetTypeInfo(typeof(InstoreFeed)));
        return new Encoded(json, new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(json).AsSpan(0, 18)).Replace('+', '-').Replace('/', '_')}\""));
    }

    private sealed record Encoded(byte[] Json, EntityTagHeaderValue ETag);
}
