using CouponAdmin.Core.Access;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Org;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CouponAdmin.Api;

internal static class OrgApi
{
    public sealed record OrgRequest(string TimeZone, string BaseCurrency);

    public sealed record OrgResponse(string TimeZone, string BaseCurrency);

    /// <summary>What an edit may change: everything but the type and id, which the path names.</summary>
    public sealed record OrgEntityEdit(string Name, string? ParentId, string? ConceptId, string? Currency);

    public sealed record OrgEntityResponse(OrgEntityType Type, string Id, string Name, string? ParentId, string? ConceptId, string? Currency);

    public static void MapOrgApi(this RouteGroupBuilder api)
    {
        var org = api.MapGroup("/org").WithTags("Org").RequireScope(ApiScopes.Admin);

        org.MapGet("", async (OrgSetup setup, CancellationToken ct) =>
        {
            var s = await setup.GetSettingsAsync(ct);
            return TypedResults.Ok(new OrgResponse(s.TimeZone, s.BaseCurrency));
        });

        org.MapPut("", async Task<Results<Ok<OrgResponse>, ProblemHttpResult>> (OrgRequest body, OrgSetup setup, HttpContext http, CancellationToken ct) =>
        {
            var result = await setup.SetSettingsAsync(body.TimeZone, body.BaseCurrency, http.Actor(), ct);
            return result.IsSuccess ? TypedResults.Ok(new OrgResponse(result.Value.TimeZone, result.Value.BaseCurrency)) : ApiResults.Problem(result.Error);
        });

        org.MapPost("/entities", async Task<Results<Created<OrgEntityResponse>, ProblemHttpResult>> (OrgEntityRequest body, OrgSetup setup, HttpContext http, CancellationToken ct) =>
        {
            var result = await setup.AddEntityAsync(body, http.Actor(), ct);
            if (!result.IsSuccess)
            {
                return ApiResults.Problem(result.Error);
            }

            var e = result.Value;
            return TypedResults.Created($"/api/v1/org/entities/{e.Type.ToString().ToUpperInvariant()}/{e.EntityId}", ToResponse(e));
        });

        org.MapGet("/entities", async Task<Results<Ok<List<OrgEntityResponse>>, ProblemHttpResult>> (string? type, int? page, int? pageSize, OrgPages pages,
            HttpContext http, CancellationToken ct) =>
        {
            var asked = PageRequest.Create(page, pageSize, PageRequest.MaxRows, PageRequest.MaxRows);
            if (!asked.IsSuccess)
            {
                return ApiResults.Problem(asked.Error);
            }

            OrgEntityType? filter = null;
            if (!string.IsNullOrWhiteSpace(type))
            {
                if (!OrgEntityTypes.TryParse(type, out var parsed))
                {
                    return ApiResults.Invalid("type", $"'{type}' is not an org entity type: use ZONE, STORE, TILL or CONCEPT.");
                }

                filter = parsed;
            }

            var found = await pages.EntitiesAsync(filter, asked.Value, ct);
            Paging.Describe(http, asked.Value, found.Total);
            return TypedResults.Ok(found.Items.Select(ToResponse).ToList());
        });

        org.MapPut("/exchange-rates", async Task<Results<Ok<IReadOnlyList<ExchangeRateRequest>>, ProblemHttpResult>> (List<ExchangeRateRequest> body, OrgSetup setup, HttpContext http, CancellationToken ct) =>
        {
            var result = await setup.SetExchangeRatesAsync(body, http.Actor(), ct);
            return result.IsSuccess
                ? TypedResults.Ok<IReadOnlyList<ExchangeRateRequest>>(result.Value.Select(r => new ExchangeRateRequest(r.From, r.To, r.Rate)).ToList())
                : ApiResults.Problem(result.Error);
        });

        org.MapPut("/entities/{type}/{id}", async Task<Results<Ok<OrgEntityResponse>, ProblemHttpResult>> (string type, string id, OrgEntityEdit body,
            UpdateOrgEntity update, HttpContext http, CancellationToken ct) =>
        {
            if (!OrgEntityTypes.TryParse(type, out var parsed))
            {
                return ApiResults.Invalid("type", $"'{type}' is not an org entity type: use ZONE, STORE, TILL or CONCEPT.");
            }

            var result = await update.ExecuteAsync(new OrgEntityRequest(parsed, id, body.Name, body.ParentId, body.ConceptId, body.Currency), http.Actor(), ct);
            return result.IsSuccess ? TypedResults.Ok(ToResponse(result.Value)) : ApiResults.Problem(result.Error);
        });

        org.MapDelete("/exchange-rates/{from}/{to}", async Task<Results<NoContent, ProblemHttpResult>> (string from, string to, RemoveExchangeRate remove,
            HttpContext http, CancellationToken ct) =>
        {
            var result = await remove.ExecuteAsync(from.ToUpperInvariant(), to.ToUpperInvariant(), http.Actor(), ct);
            return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error);
        });

        org.MapGet("/exchange-rates", async Task<Results<Ok<List<ExchangeRateRequest>>, ProblemHttpResult>> (int? page, int? pageSize, OrgPages pages,
            HttpContext http, CancellationToken ct) =>
        {
            var asked = PageRequest.Create(page, pageSize, PageRequest.MaxRows, PageRequest.MaxRows);
            if (!asked.IsSuccess)
            {
                return ApiResults.Problem(asked.Error);
            }

            var found = await pages.ExchangeRatesAsync(asked.Value, ct);
            Paging.Describe(http, asked.Value, found.Total);
            return TypedResults.Ok(found.Items.Select(r => new ExchangeRateRequest(r.From, r.To, r.Rate)).ToList());
        });
    }

    private static OrgEntityResponse ToResponse(OrgEntity e) => new(e.Type, e.EntityId, e.Name, e.ParentId, e.ConceptId, e.Currency);
}
