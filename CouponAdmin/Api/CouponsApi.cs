using CouponAdmin.Core.Access;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Revocation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CouponAdmin.Api;

internal static class CouponsApi
{
    public sealed record CustomerRef(IdentifierType Type, string Value);

    public sealed record IssueRequest(CustomerRef Customer, string? Code);

    public sealed record TransferRequest(CustomerRef To);

    public sealed record RevokeOneRequest(CustomerRef? Customer);

    public sealed record IssueResponse(string Code, long OfferId, CustomerRef Customer, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt, CouponStatus Status, bool Existing);

    public sealed record CouponResponse(string Code, long OfferId, string OfferName, CustomerRef? Customer, CouponStatus Status, DateTimeOffset? IssuedAt,
        DateTimeOffset? ExpiresAt, int RedemptionCount, bool IsReversed, DateTimeOffset LastStatusChangeOn, IReadOnlyList<RedemptionView> Redemptions);

    public static void MapCouponsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/offers/{id:long}/issue", async Task<Results<Ok<IssueResponse>, ProblemHttpResult>> (long id, IssueRequest body, IssueCoupon issue, HttpContext http, CancellationToken ct) =>
        {
            if (body.Customer is null)
            {
                return ApiResults.Invalid("customer", "Say who gets the coupon: { \"type\": \"userId|externalId|mobile|email\", \"value\": \"...\" }.");
            }

            var result = await issue.ExecuteAsync(new IssueCouponRequest(id, body.Customer.Type, body.Customer.Value, body.Code), http.Actor(), ct);
            if (!result.IsSuccess)
            {
                return ApiResults.Problem(result.Error);
            }

            var c = result.Value;
            return TypedResults.Ok(new IssueResponse(c.Code, c.OfferId, UserRef(c.CustomerId)!, c.IssuedAt, c.ExpiresAt, c.Status, c.Existing));
        }).WithTags("Coupons").RequireScope(ApiScopes.Issue);

        api.MapPost("/coupons/{code}/transfer", async Task<Results<Ok<CouponResponse>, ProblemHttpResult>> (string code, TransferRequest body, TransferCoupon transfer,
            HttpContext http, CancellationToken ct) =>
        {
            if (body.To is null)
            {
                return ApiResults.Invalid("to", "Say who gets the coupon: { \"to\": { \"type\": \"userId|externalId|mobile|email\", \"value\": \"...\" } }.");
            }

            var result = await transfer.ExecuteAsync(new TransferCouponRequest(code, body.To.Type, body.To.Value), http.Actor(), ct);
            return result.IsSuccess ? TypedResults.Ok(ToResponse(result.Value)) : ApiResults.Problem(result.Error);
        }).WithTags("Coupons").RequireScope(ApiScopes.Admin);

        api.MapPost("/coupons/{code}/revoke", async Task<Results<Ok<CouponResponse>, ProblemHttpResult>> (string code,
            [Microsoft.AspNetCore.Mvc.FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] RevokeOneRequest? body,
            RevokeCoupon revoke, CouponAdmin.Core.Customers.CustomerDirectory customers, HttpContext http, CancellationToken ct) =>
        {
            long? holder = null;
            if (body?.Customer is { } who)
            {
                var found = await customers.FindAsync(who.Type, who.Value, ct);
                if (!found.IsSuccess)
                {
                    return ApiResults.Problem(found.Error);
                }

                holder = found.Value.UserId;
            }

            var result = await revoke.ExecuteAsync(new RevokeCouponRequest(code, holder), http.Actor(), ct);
            return result.IsSuccess ? TypedResults.Ok(ToResponse(result.Value)) : ApiResults.Problem(result.Error);
        }).WithTags("Coupons").RequireScope(ApiScopes.Admin);

        api.MapGet("/coupons/{code}", async Task<Results<Ok<CouponResponse>, ProblemHttpResult>> (string code, CouponQueries coupons, CancellationToken ct) =>
        {
            var result = await coupons.ByCodeAsync(code, ct);
            return result.IsSuccess ? TypedResults.Ok(ToResponse(result.Value)) : ApiResults.Problem(result.Error);
        }).WithTags("Coupons").RequireScope(ApiScopes.Redeem);

        api.MapGet("/customers/{type}/{value}/coupons", async Task<Results<Ok<List<CouponResponse>>, ProblemHttpResult>> (string type, string value, int? page, int? pageSize,
            CouponQueries coupons, HttpContext http, CancellationToken ct) =>
        {
            var asked = PageRequest.Create(page, pageSize, PageRequest.MaxDocuments, PageRequest.MaxDocuments);
            if (!asked.IsSuccess)
            {
                return ApiResults.Problem(asked.Error);
            }

            var parsed = CustomerIdentifiers.Parse(type, value);
            if (!parsed.IsSuccess)
            {
                return ApiResults.Problem(parsed.Error);
            }

            var result = await coupons.ByCustomerAsync(parsed.Value.Type, parsed.Value.Value, asked.Value, ct);
            if (!result.IsSuccess)
            {
                return ApiResults.Problem(result.Error);
            }

            Paging.Describe(http, asked.Value, result.Value.Total);
            return TypedResults.Ok(result.Value.Items.Select(ToResponse).ToList());
        }).WithTags("Coupons").RequireScope(ApiScopes.Issue);
    }

    private static CustomerRef? UserRef(long? userId) =>
        userId is { } id ? new CustomerRef(IdentifierType.UserId, id.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;

    public static CouponResponse ToResponse(CouponView v) =>
        new(v.Code, v.OfferId, v.OfferName, UserRef(v.CustomerId), v.Status, v.IssuedAt, v.ExpiresAt, v.RedemptionCount, v.IsReversed, v.LastStatusChangeOn, v.Redemptions);
}
