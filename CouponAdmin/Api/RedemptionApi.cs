using CouponAdmin.Core.Access;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Core.Revocation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CouponAdmin.Api;

internal static class RedemptionApi
{
    public sealed record RedeemBody(string Code, CouponsApi.CustomerRef Customer, string? TillId, string? StoreId, decimal BillAmount,
        string? Currency, string TransactionId, DateTimeOffset? At);

    public sealed record DiscountResponse(DiscountType Type, decimal Value, decimal Amount, string Currency);

    public sealed record RedeemResponse(long? RedemptionId, string Code, long OfferId, CouponsApi.CustomerRef Customer, DiscountResponse Discount);

    public sealed record RevokeBody(RevokeMode Mode, List<CouponsApi.CustomerRef>? Customers);

    public sealed record RevokeResponse(int Revoked);

    public static void MapRedemptionApi(this RouteGroupBuilder api)
    {
        api.MapPost("/coupons/redeem", async Task<Results<Ok<RedeemResponse>, ProblemHttpResult>> (RedeemBody body,
            [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, RedeemCoupon redeem, HttpContext http, CancellationToken ct) =>
        {
            if (ToRequest(body) is not { } request)
            {
                return ApiResults.Invalid("customer", "Say who redeems: { \"type\": \"userId|externalId|mobile|email\", \"value\": \"...\" }.");
            }

            // Each API key has idempotency keys of its own: another POS's choice of the same key neither answers nor blocks this one.
            var key = idempotencyKey is null ? null : IdempotencyKey.ForApiKey(http.CallingKey().Id, idempotencyKey);
            var result = await redeem.ExecuteAsync(request, http.Actor(), key, ct);
            return result.IsSuccess ? TypedResults.Ok(ToResponse(result.Value)) : ApiResults.Problem(result.Error);
        }).WithTags("Redemption").RequireScope(ApiScopes.Redeem).RequirePosRateLimit();

        api.MapPost("/coupons/validate", async Task<Results<Ok<RedeemResponse>, ProblemHttpResult>> (RedeemBody body, ValidateCoupon validate, CancellationToken ct) =>
        {
            if (ToRequest(body) is not { } request)
            {
                return ApiResults.Invalid("customer", "Say who redeems: { \"type\": \"userId|externalId|mobile|email\", \"value\": \"...\" }.");
            }

            var result = await validate.ExecuteAsync(request, ct);
            return result.IsSuccess ? TypedResults.Ok(ToResponse(result.Value)) : ApiResults.Problem(result.Error);
        }).WithTags("Redemption").RequireScope(ApiScopes.Redeem).RequirePosRateLimit();

        api.MapPost("/redemptions/{id:long}/reverse", async Task<Results<Ok<CouponsApi.CouponResponse>, ProblemHttpResult>> (long id, ReverseRedemption reverse,
            HttpContext http, CancellationToken ct) =>
        {
            var result = await reverse.ExecuteAsync(id, http.Actor(), ct);
            return result.IsSuccess ? TypedResults.Ok(CouponsApi.ToResponse(result.Value)) : ApiResults.Problem(result.Error);
        }).WithTags("Redemption").RequireScope(ApiScopes.Redeem);

        api.MapPost("/offers/{id:long}/revoke", async Task<Results<Ok<RevokeResponse>, ProblemHttpResult>> (long id, RevokeBody body, RevokeCoupons revoke,
            HttpContext http, CancellationToken ct) =>
        {
            var customers = body.Customers?.Select(c => new CustomerRef(c.Type, c.Value)).ToList();
            var result = await revoke.ExecuteAsync(new RevokeRequest(id, body.Mode, customers), http.Actor(), ct);
            return result.IsSuccess ? TypedResults.Ok(new RevokeResponse(result.Value)) : ApiResults.Problem(result.Error);
        }).WithTags("Redemption").RequireScope(ApiScopes.Admin);
    }

    private static RedeemRequest? ToRequest(RedeemBody body) =>
        body.Customer is null
            ? null
            : new RedeemRequest(body.Code, body.Customer.Type, body.Customer.Value, body.TillId, body.StoreId, body.BillAmount, body.Currency,
                body.TransactionId, body.At);

    private static RedeemResponse ToResponse(RedemptionOutcome o) =>
        new(o.RedemptionId, o.Code, o.OfferId, new CouponsApi.CustomerRef(IdentifierType.UserId, o.CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new DiscountResponse(o.Discount.Type, o.Discount.Value, o.Discount.Amount, o.Discount.Currency));
}
