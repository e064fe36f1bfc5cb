using System.Net;
using System.Net.Http.Json;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api;

/// <summary>Editing the org after set-up: an entity by the rules that added it, and removing an exchange rate; both audited.</summary>
[Collection(WebCollection.Name)]
public class OrgEditingApiTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task AStoreIsRenamedAndMovedToAnotherZoneButNotIntoATill()
    {
        var (zone1, zone2, store) = ($"Z{ApiTestJson.Unique()}", $"Z{ApiTestJson.Unique()}", $"S{ApiTestJson.Unique()}");
        await _api.CreateOrgEntityAsync("ZONE", zone1);
        await _api.CreateOrgEntityAsync("ZONE", zone2);
        await _api.CreateOrgEntityAsync("STORE", store, zone1);

        var moved = await (await _api.PutAsJsonAsync($"/api/v1/org/entities/store/{store}", new { name = "Renamed", parentId = zone2, currency = "INR" }))
            .ExpectAsync(HttpStatusCode.OK);
        var refused = await (await _api.PutAsJsonAsync($"/api/v1/org/entities/STORE/{store}", new { name = "Renamed", parentId = "NOPE" }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        var unknown = await _api.PutAsJsonAsync($"/api/v1/org/entities/STORE/MISSING-{ApiTestJson.Unique()}", new { name = "x", parentId = zone1 });

        Assert.Equal(("Renamed", zone2, "INR"), ((string?)moved["name"], (string?)moved["parentId"], (string?)moved["currency"]));
        Assert.Contains("'NOPE'", ApiTestJson.ErrorText(refused, "parentId"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ARemovedExchangeRateIsGoneAndASecondRemovalIsNotFound()
    {
        await (await _api.PutAsJsonAsync("/api/v1/org/exchange-rates", new[] { new { from = "EUR", to = "INR", rate = 90.5m } })).ExpectAsync(HttpStatusCode.OK);

        var removed = await _api.DeleteAsync(new Uri("/api/v1/org/exchange-rates/eur/inr", UriKind.Relative));
        var again = await _api.DeleteAsync(new Uri("/api/v1/org/exchange-rates/EUR/INR", UriKind.Relative));
        var rates = await (await _api.GetAsync(new Uri("/api/v1/org/exchange-rates", UriKind.Relative))).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await again.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.DoesNotContain(rates.AsArray(), r => (string?)r!["from"] == "EUR" && (string?)r["to"] == "INR");
    }
}
