using System.Net;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api;

/// <summary>
/// GET /api/v1/offers?orgEntityType=…&amp;orgEntityIds=…: exact tag match, not offers tagged to entities inside the
/// one asked for; unknown ids give nothing; one entity type per request.
/// </summary>
[Collection(WebCollection.Name)]
public class SeriesFilterApiTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    /// <summary>A zone with a store in it, an offer tagged to each, all with ids no other test uses.</summary>
    private async Task<(string Zone, string Store, long ZoneOffer, long StoreOffer)> ZoneAndStoreWithOffersAsync()
    {
        var u = ApiTestJson.Unique();
        var (zone, store) = ($"Z1-{u}", $"S1-{u}");
        await _api.CreateOrgEntityAsync("ZONE", zone);
        await _api.CreateOrgEntityAsync("STORE", store, parentId: zone);
        var zoneOffer = await _api.CreateOfferAsync(OfferBodies.TaggedTo($"Zone offer {u}", ("ZONE", zone)));
        var storeOffer = await _api.CreateOfferAsync(OfferBodies.TaggedTo($"Store offer {u}", ("STORE", store)));
        return (zone, store, zoneOffer, storeOffer);
    }

    private async Task<long[]> FilterAsync(string query)
    {
        var list = await (await _api.GetAsync($"/api/v1/offers?{query}")).ExpectAsync(HttpStatusCode.OK);
        return [.. list.AsArray().Select(o => (long)o!["id"]!).Order()];
    }

    [Fact]
    public async Task FilteringByAZoneReturnsOnlyTheOffersTaggedToThatZone()
    {
        var (zone, _, zoneOffer, _) = await ZoneAndStoreWithOffersAsync();

        Assert.Equal([zoneOffer], await FilterAsync($"orgEntityType=ZONE&orgEntityIds={zone}"));
    }

    [Fact]
    public async Task FilteringByAStoreReturnsOnlyTheOffersTaggedToThatStore()
    {
        var (_, store, _, storeOffer) = await ZoneAndStoreWithOffersAsync();

        Assert.Equal([storeOffer], await FilterAsync($"orgEntityType=STORE&orgEntityIds={store}"));
    }

    [Fact]
    public async Task FilteringBySeveralIdsOfOneTypeReturnsTheOffersTaggedToAnyOfThem()
    {
        var first = await ZoneAndStoreWithOffersAsync();
        var second = await ZoneAndStoreWithOffersAsync();

        var found = await FilterAsync($"orgEntityType=ZONE&orgEntityIds={first.Zone},{second.Zone}");

        Assert.Equal(new[] { first.ZoneOffer, second.ZoneOffer }.Order(), found);
    }

    [Fact]
    public async Task TheFilterReturnsEveryBlockOfAMatchingOffer()
    {
        var (zone, _, zoneOffer, _) = await ZoneAndStoreWithOffersAsync();

        var list = await (await _api.GetAsync($"/api/v1/offers?orgEntityType=ZONE&orgEntityIds={zone}")).ExpectAsync(HttpStatusCode.OK);

        var offer = Assert.Single(list.AsArray())!;
        Assert.Equal(zoneOffer, (long)offer["id"]!);
        Assert.Equal("ZONE", (string?)offer["redemption"]!["orgEntities"]![0]!["type"]);
        Assert.Equal(zone, (string?)offer["redemption"]!["orgEntities"]![0]!["id"]);
    }

    [Fact]
    public async Task UnknownIdsGiveAnEmptyListAndNoError()
    {
        await ZoneAndStoreWithOffersAsync();

        Assert.Empty(await FilterAsync($"orgEntityType=ZONE&orgEntityIds=NO-SUCH-{ApiTestJson.Unique()},ALSO-NONE"));
    }

    [Fact]
    public async Task AZoneIdAskedForAsAStoreMatchesNothing()
    {
        var (zone, _, _, _) = await ZoneAndStoreWithOffersAsync();

        Assert.Empty(await FilterAsync($"orgEntityType=STORE&orgEntityIds={zone}"));
    }

    [Theory]
    [InlineData("orgEntityType=ZONE,STORE&orgEntityIds=Z1,S1")]
    [InlineData("orgEntityType=ZONE&orgEntityType=STORE&orgEntityIds=Z1,S1")]
    public async Task TwoEntityTypesInOneRequestAreRefused(string query)
    {
        var response = await _api.GetAsync($"/api/v1/offers?{query}");

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["code"]));
        Assert.Contains("orgEntityType", ApiTestJson.ErrorPaths(problem));
    }

    [Fact]
    public async Task TheEntityTypeIsCaseInsensitive()
    {
        var (zone, _, zoneOffer, _) = await ZoneAndStoreWithOffersAsync();

        Assert.Equal([zoneOffer], await FilterAsync($"orgEntityType=zone&orgEntityIds={zone}"));
    }

    [Fact]
    public async Task AnUnknownEntityTypeIsRefused()
    {
        var problem = await (await _api.GetAsync("/api/v1/offers?orgEntityType=REGION&orgEntityIds=R1")).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Contains("REGION", ApiTestJson.ErrorText(problem, "orgEntityType"), StringComparison.Ordinal);
    }
}
