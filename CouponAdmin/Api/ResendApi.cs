using CouponAdmin.Core.Access;
using CouponAdmin.Core.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CouponAdmin.Api;

/// <summary><c>POST /api/v1/coupons/resend</c>: the coupon's SMS again, through the outbox (202: queued, not yet delivered).</summary>
internal static class ResendApi
{
    public sealed record ResendRequest(string? Code, CouponsApi.CustomerRef? Customer);

    public sealed record ResendResponse(long MessageId);

    public static void MapResendApi(this RouteGroupBuilder api) =>
        api.MapPost("/coupons/resend", async Task<Results<Accepted<ResendResponse>, ProblemHttpResult>> (ResendRequest body,
            [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ResendCoupon resend, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Code))
            {
                return ApiResults.Invalid("code", "Give the code of the coupon to resend: { \"code\": \"...\" }.");
            }

            var result = await resend.ExecuteAsync(new ResendCouponRequest(body.Code, body.Customer?.Type, body.Customer?.Value, idempotencyKey), http.Actor(), ct);
            return result.IsSuccess
                ? TypedResults.Accepted((string?)null, new ResendResponse(result.Value.MessageId))
                : ApiResults.Problem(result.Error);
        }).WithTags("Coupons").RequireScope(ApiScopes.Issue);
}
