using System.Net;
using System.Net.Http.Json;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api;

/// <summary>The org's settings, its zone/store tree and exchange rates, set up through the API.</summary>
[Collection(WebCollection.Name)]
public class OrgSetupApiTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task SettingTheOrgTimeZoneAndCurrencyIsSavedAndReturned()
    {
        var response = await _api.PutAsJsonAsync("/api/v1/org", new { timeZone = "Asia/Kolkata", baseCurrency = "INR" });

        var saved = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Asia/Kolkata", (string?)saved["timeZone"]);
        Assert.Equal("INR", (string?)saved["baseCurrency"]);
        var read = await (await _api.GetAsync("/api/v1/org")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Asia/Kolkata", (string?)read["timeZone"]);
        Assert.Equal("INR", (string?)read["baseCurrency"]);
    }

    [Fact]
    public async Task AnUnknownTimeZoneIsRefusedByName()
    {
        var response = await _api.PutAsJsonAsync("/api/v1/org", new { timeZone = "Mars/Olympus_Mons", baseCurrency = "INR" });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["timeZone"], ApiTestJson.ErrorPaths(problem));
        Assert.Contains("Mars/Olympus_Mons", ApiTestJson.ErrorText(problem, "timeZone"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoreInAnExistingZoneIsCreated()
    {
        var u = ApiTestJson.Unique();
        await _api.CreateOrgEntityAsync("ZONE", $"Z-{u}");

        var response = await _api.PostRawAsync("/api/v1/org/entities",
            $$"""{ "type": "STORE", "id": "S-{{u}}", "name": "Store {{u}}", "parentId": "Z-{{u}}", "currency": "INR" }""");

        var store = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("STORE", (string?)store["type"]);
        Assert.Equal($"S-{u}", (string?)store["id"]);
        Assert.Equal($"Z-{u}", (string?)store["parentId"]);
        Assert.Equal("INR", (string?)store["currency"]);
        Assert.NotNull(response.Headers.Location);
        var all = await (await _api.GetAsync("/api/v1/org/entities")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(all.AsArray(), e => (string?)e!["type"] == "STORE" && (string?)e["id"] == $"S-{u}");
    }

    [Fact]
    public async Task EntitiesCanBeListedByTypeSpelledAsTheApiSpellsIt()
    {
        var u = ApiTestJson.Unique();
        await _api.CreateOrgEntityAsync("ZONE", $"Z-{u}");
        await _api.CreateOrgEntityAsync("STORE", $"S-{u}", parentId: $"Z-{u}");

        var response = await _api.GetAsync("/api/v1/org/entities?type=STORE");

        var stores = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(stores.AsArray(), e => (string?)e!["id"] == $"S-{u}");
        Assert.All(stores.AsArray(), e => Assert.Equal("STORE", (string?)e!["type"]));
    }

    [Fact]
    public async Task AStoreWithoutAnExistingZoneIsRefusedAtParentId()
    {
        var u = ApiTestJson.Unique();

        var response = await _api.PostRawAsync("/api/v1/org/entities",
            $$"""{ "type": "STORE", "id": "S-{{u}}", "name": "Orphan", "parentId": "NO-ZONE-{{u}}" }""");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["parentId"], ApiTestJson.ErrorPaths(problem));
        Assert.Contains($"NO-ZONE-{u}", ApiTestJson.ErrorText(problem, "parentId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATillWhoseParentIsAZoneIsRefusedAtParentId()
    {
        var u = ApiTestJson.Unique();
        await _api.CreateOrgEntityAsync("ZONE", $"Z-{u}");

        var response = await _api.PostRawAsync("/api/v1/org/entities",
            $$"""{ "type": "TILL", "id": "T-{{u}}", "name": "Till", "parentId": "Z-{{u}}" }""");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["parentId"], ApiTestJson.ErrorPaths(problem));
    }

    [Fact]
    public async Task ADuplicateEntityIsAConflict()
    {
        var zone = $"Z-{ApiTestJson.Unique()}";
        await _api.CreateOrgEntityAsync("ZONE", zone);

        var response = await _api.PostAsJsonAsync("/api/v1/org/entities", new { type = "ZONE", id = zone, name = "Again" });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict, "DUPLICATE_ORG_ENTITY");
        Assert.Contains(zone, (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeRatesAreSavedAndListed()
    {
        var response = await _api.PutRawAsync("/api/v1/org/exchange-rates",
            """[{ "from": "USD", "to": "INR", "rate": 83.2 }, { "from": "EUR", "to": "INR", "rate": 90.15 }]""");

        var saved = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, saved.AsArray().Count);
        var listed = await (await _api.GetAsync("/api/v1/org/exchange-rates")).ExpectAsync(HttpStatusCode.OK);
        var usd = Assert.Single(listed.AsArray(), r => (string?)r!["from"] == "USD" && (string?)r["to"] == "INR")!;
        Assert.Equal(83.2m, (decimal)usd["rate"]!);
        var eur = Assert.Single(listed.AsArray(), r => (string?)r!["from"] == "EUR")!;
        Assert.Equal(90.15m, (decimal)eur["rate"]!);
    }

    [Fact]
    public async Task AnInvalidExchangeRateIsRefusedAtItsIndex()
    {
        var response = await _api.PutRawAsync("/api/v1/org/exchange-rates", """[{ "from": "USD", "to": "INR", "rate": 83.2 }, { "from": "usd", "to": "INR", "rate": 0 }]""");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["[1].from", "[1].rate"], ApiTestJson.ErrorPaths(problem));
    }
}
