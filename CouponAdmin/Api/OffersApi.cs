using CouponAdmin.Core.Access;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CouponAdmin.Api;

internal static class OffersApi
{
    public static void MapOffersApi(this RouteGroupBuilder api)
    {
        var offers = api.MapGroup("/offers").WithTags("Offers").RequireScope(ApiScopes.Admin);

        offers.MapPost("", async Task<Results<Created<OfferResponse>, ProblemHttpResult>> (OfferDefinition body, CreateOffer create, HttpContext http, CancellationToken ct) =>
        {
            var result = await create.ExecuteAsync(body, http.Actor(), ct);
            return result.IsSuccess
                ? TypedResults.Created($"/api/v1/offers/{result.Value!.Id}", OfferResponse.From(result.Value))
                : ApiResults.Problem(result.Error!);
        });

        offers.MapGet("/{id:long}", async (long id, OfferQueries queries, CancellationToken ct) =>
            ToHttp(await queries.GetAsync(id, ct)));

        offers.MapPut("/{id:long}", async (long id, OfferDefinition body, UpdateOffer update, HttpContext http, CancellationToken ct) =>
            ToHttp(await update.ExecuteAsync(id, body, http.Actor(), ct)));

        offers.MapPost("/{id:long}/activate", async (long id, ChangeOfferStatus change, HttpContext http, CancellationToken ct) =>
            ToHttp(await change.ExecuteAsync(id, OfferStatus.Active, http.Actor(), ct)));

        offers.MapPost("/{id:long}/pause", async (long id, ChangeOfferStatus change, HttpContext http, CancellationToken ct) =>
            ToHttp(await change.ExecuteAsync(id, OfferStatus.Paused, http.Actor(), ct)));

        offers.MapPost("/{id:long}/end", async (long id, ChangeOfferStatus change, HttpContext http, CancellationToken ct) =>
            ToHttp(await change.ExecuteAsync(id, OfferStatus.Ended, http.Actor(), ct)));

        offers.MapGet("", ListAsync);
    }

    /// <summary>
    /// Without a filter: a page of offers. With <c>orgEntityType</c> and <c>orgEntityIds</c>: the series filter,
    /// exact tag match only, one entity type per request.
    /// </summary>
    private static async Task<Results<Ok<List<OfferResponse>>, ProblemHttpResult>> ListAsync(
        HttpRequest request, OfferQueries queries, CancellationToken ct, int skip = 0, int take = 50, string? search = null)
    {
        var types = request.Query["orgEntityType"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var ids = request.Query["orgEntityIds"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (types.Count > 1)
        {
            return ApiResults.Invalid("orgEntityType", $"Filter by one org entity type at a time, not {string.Join(" and ", types)}.");
        }

        if (types.Count == 1)
        {
            if (!OrgEntityTypes.TryParse(types[0], out var type))
            {
                return ApiResults.Invalid("orgEntityType", $"'{types[0]}' is not an org entity type: use ZONE, STORE, TILL or CONCEPT.");
            }

            var tagged = await queries.FindByOrgEntityAsync(type, ids, ct);
            return TypedResults.Ok(tagged.Select(OfferResponse.From).ToList());
        }

        if (ids.Count > 0)
        {
            return ApiResults.Invalid("orgEntityType", "orgEntityIds needs orgEntityType.");
        }

        var page = await queries.ListDetailedAsync(new OfferListQuery(search, Skip: skip, Take: take), ct);
        var full = page.Items.Select(OfferResponse.From).ToList();
        request.HttpContext.Response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(full);
    }

    private static Results<Ok<OfferResponse>, ProblemHttpResult> ToHttp(Result<Offer> result) =>
        result.IsSuccess ? TypedResults.Ok(OfferResponse.From(result.Value!)) : ApiResults.Problem(result.Error!);
}
