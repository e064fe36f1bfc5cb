using CouponAdmin.Core.Access;
using CouponAdmin.Core.Customers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CouponAdmin.Api;

internal static class CustomersApi
{
    public sealed record CustomerResponse(long UserId, string? ExternalId, string? Mobile, string? Email, string? Name, DateOnly? RegisteredOn, int TransactionCount);

    public static void MapCustomersApi(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");

        customers.MapPost("", async Task<Results<Created<CustomerResponse>, ProblemHttpResult>> (RegisterCustomerRequest body, CustomerDirectory directory, CancellationToken ct) =>
        {
            var result = await directory.RegisterAsync(body, ct);
            return result.IsSuccess
                ? TypedResults.Created($"/api/v1/customers/userId/{result.Value.UserId}", ToResponse(result.Value))
                : ApiResults.Problem(result.Error);
        }).RequireScope(ApiScopes.Admin);

        customers.MapGet("/{type}/{value}", async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> (string type, string value, CustomerDirectory directory, CancellationToken ct) =>
        {
            var parsed = CustomerIdentifiers.Parse(type, value);
            if (!parsed.IsSuccess)
            {
                return ApiResults.Problem(parsed.Error);
            }

            var result = await directory.FindAsync(parsed.Value.Type, parsed.Value.Value, ct);
            return result.IsSuccess ? TypedResults.Ok(ToResponse(result.Value)) : ApiResults.Problem(result.Error);
        }).RequireScope(ApiScopes.Issue);
    }

    public static CustomerResponse ToResponse(Customer c) => new(c.UserId, c.ExternalId, c.Mobile, c.Email, c.Name, c.RegisteredOn, c.TransactionCount);
}
