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
                ? TypedResults.Created($"/api/v1/offers/{result.Value.Id}", OfferResponse.From(result.Value))
                : ApiResults.Problem(result.Error);
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
    /// Without a filter: a page of offers (<c>search</c>). With <c>orgEntityType</c> and <c>orgEntityIds</c>: the series
    /// filter, exact tag match only, one entity type per request. Both page by <c>page</c>/<c>pageSize</c> (headers as
    /// <see cref="Paging"/> describes) or, as before, by <c>skip</c>/<c>take</c> (total in <c>X-Total-Count</c> only).
    /// </summary>
    private static async Task<Results<Ok<List<OfferResponse>>, ProblemHttpResult>> ListAsync(HttpRequest request, OfferQueries queries,
        CancellationToken ct, int? page = null, int? pageSize = null, int? skip = null, int? take = null, string? search = null)
    {
        var types = request.Query["orgEntityType"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var ids = request.Query["orgEntityIds"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (types.Count > 1)
        {
            return ApiResults.Invalid("orgEntityType", $"Filter by one org entity type at a time, not {string.Join(" and ", types)}.");
        }

        if (types.Count == 0 && ids.Count > 0)
        {
            return ApiResults.Invalid("orgEntityType", "orgEntityIds needs orgEntityType.");
        }

        OrgEntityType? type = null;
        if (types.Count == 1)
        {
            if (!OrgEntityTypes.TryParse(types[0], out var parsed))
            {
                return ApiResults.Invalid("orgEntityType", $"'{types[0]}' is not an org entity type: use ZONE, STORE, TILL or CONCEPT.");
            }

            type = parsed;
        }

        if ((page ?? pageSize) is not null && (skip ?? take) is not null)
        {
            return ApiResults.Invalid("page", "Page with page and pageSize, or with skip and take, not both.");
        }

        PageRequest? paged = null;
        if (skip is null && take is null)
        {
            var asked = PageRequest.Create(page, pageSize, DefaultPageSize, OfferQueries.MaxPageSize);
            if (!asked.IsSuccess)
            {
                return ApiResults.Problem(asked.Error);
            }

            paged = asked.Value;
        }

        var (from, count) = paged is null ? (skip ?? 0, take ?? DefaultPageSize) : (paged.Skip, paged.PageSize);
        Page<Offer> found;
        if (type is { } entityType)
        {
            var tagged = await queries.FindByOrgEntityAsync(entityType, ids, from, count, ct);
            if (!tagged.IsSuccess)
            {
                return ApiResults.Problem(tagged.Error);
            }

            found = tagged.Value;
        }
        else
        {
            found = await queries.ListDetailedAsync(new OfferListQuery(search, Skip: from, Take: count), ct);
        }

        if (paged is null)
        {
            request.HttpContext.Response.Headers["X-Total-Count"] = found.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            Paging.Describe(request.HttpContext, paged, found.Total);
        }

        return TypedResults.Ok(found.Items.Select(OfferResponse.From).ToList());
    }

    private const int DefaultPageSize = 50;

    private static Results<Ok<OfferResponse>, ProblemHttpResult> ToHttp(Result<Offer> result) =>
        result.IsSuccess ? TypedResults.Ok(OfferResponse.From(result.Value)) : ApiResults.Problem(result.Error);
}
