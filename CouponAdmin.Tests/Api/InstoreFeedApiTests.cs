using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CouponAdmin.Core.Access;
using CouponAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Api;

/// <summary>
/// GET /api/v1/instore/offers?storeId=…: the active offers with "sync to in-store" on that can be redeemed at the store —
/// unrestricted, or limited to the store, one of its tills, its zone or its concept — with a strong ETag, 304 on
/// If-None-Match, and changedSince deltas that name the offers that stopped applying.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class InstoreFeedApiTests(InstoreFeedApiTests.Host factory) : IClassFixture<InstoreFeedApiTests.Host>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    /// <summary>
    /// The app with no overlap on changedSince: the tests make their stores a moment before asking, and the minute a delta
    /// normally reaches back would turn every delta into a full answer.
    /// </summary>
    public sealed class Host : CouponAdminFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Instore:ChangedSinceOverlapSeconds", "0");
        }
    }

    /// <summary>A store of its own (in its own zone and concept, with a till) and a second store in another zone.</summary>
    private sealed record Org(string Zone, string Concept, string Store, string Till, string OtherStore, string OtherZone);

    [Fact]
    public async Task AnUnrestrictedOfferIsInEveryStoresFeed()
    {
        var org = await OrgAsync();
        var offer = await ActiveOfferAsync();

        Assert.Contains(offer, await FeedIdsAsync(org.Store));
        Assert.Contains(offer, await FeedIdsAsync(org.OtherStore));
    }

    [Fact]
    public async Task AnOfferLimitedToTheStoreItsTillItsZoneOrItsConceptIsInItsFeedAndNoOtherStores()
    {
        var org = await OrgAsync();
        var scoped = new[]
        {
            await ActiveOfferAsync(("STORE", org.Store)),
            await ActiveOfferAsync(("TILL", org.Till)),
            await ActiveOfferAsync(("ZONE", org.Zone)),
            await ActiveOfferAsync(("CONCEPT", org.Concept)),
        };

        var feed = await FeedIdsAsync(org.Store);
        var other = await FeedIdsAsync(org.OtherStore);

        Assert.All(scoped, id => Assert.Contains(id, feed));
        Assert.All(scoped, id => Assert.DoesNotContain(id, other));
    }

    [Fact]
    public async Task AnotherStoresOfferAnOfferWithoutSyncAPausedOfferAndADraftAreNotInTheFeed()
    {
        var org = await OrgAsync();
        var otherStores = await ActiveOfferAsync(("STORE", org.OtherStore));
        var otherZones = await ActiveOfferAsync(("ZONE", org.OtherZone));
        var notSynced = await ActiveOfferAsync(sync: false);
        var paused = await ActiveOfferAsync(("STORE", org.Store));
        await (await _api.PostAsync(new Uri($"/api/v1/offers/{paused}/pause", UriKind.Relative), null)).ExpectAsync(HttpStatusCode.OK);
        var draft = await _api.CreateOfferAsync(Body(sync: true, ("STORE", org.Store)));

        var feed = await FeedIdsAsync(org.Store);

        Assert.Empty(new[] { otherStores, otherZones, notSynced, paused, draft }.Intersect(feed));
    }

    [Fact]
    public async Task AnOfferComesWithWhatATillNeedsToShowAndApplyIt()
    {
        var org = await OrgAsync();
        var body = Body(sync: true, ("STORE", org.Store));
        body["discount"] = JsonNode.Parse("""{ "type": "fixed", "value": 150, "currency": "INR" }""");
        body["validFrom"] = "2026-01-01T00:00:00+05:30";
        body["validUntil"] = "2036-12-31T23:59:59+05:30";
        body["redemption"]!["minBill"] = 999;
        body["redemption"]!["maxBill"] = 50000;
        body["redemption"]!["daysOfWeek"] = new JsonArray("saturday", "sunday");
        body["redemption"]!["hours"] = new JsonArray(18, 19);
        var id = await ActivateAsync(await _api.CreateOfferAsync(body));

        var feed = await FeedAsync(org.Store);

        var offer = feed["offers"]!.AsArray().Single(o => (long)o!["id"]! == id)!;
        Assert.Equal((string?)body["name"], (string?)offer["name"]);
        Assert.Equal(("fixed", 150m, "INR"), ((string?)offer["discount"]!["type"], (decimal)offer["discount"]!["value"]!, (string?)offer["discount"]!["currency"]));
        Assert.Equal((999m, 50000m), ((decimal)offer["minBill"]!, (decimal)offer["maxBill"]!));
        Assert.Equal(["saturday", "sunday"], offer["daysOfWeek"]!.AsArray().Select(d => (string)d!));
        Assert.Equal([18, 19], offer["hours"]!.AsArray().Select(h => (int)h!));
        Assert.Equal(DateTimeOffset.Parse("2036-12-31T23:59:59+05:30", System.Globalization.CultureInfo.InvariantCulture), (DateTimeOffset)offer["validUntil"]!);
        Assert.Equal(("Asia/Kolkata", true), ((string?)feed["timeZone"], (bool)feed["full"]!));
    }

    [Fact]
    public async Task TheFeedHasAStrongETagAndAnswers304ToIfNoneMatchUntilSomethingChangesForTheStore()
    {
        var org = await OrgAsync();
        var offer = await ActiveOfferAsync(("STORE", org.Store));
        using var first = await GetFeedAsync(org.Store);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var unchanged = await GetFeedAsync(org.Store, etag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, unchanged.Headers.ETag);

        await (await _api.PostAsync(new Uri($"/api/v1/offers/{offer}/pause", UriKind.Relative), null)).ExpectAsync(HttpStatusCode.OK);
        using var changed = await GetFeedAsync(org.Store, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.DoesNotContain(offer, Ids(await changed.Content.ReadFromJsonAsync<JsonNode>()));
    }

    [Fact]
    public async Task ChangedSinceListsTheOffersChangedSinceThenAndNamesThoseThatStoppedApplying()
    {
        var org = await OrgAsync();
        var kept = await ActiveOfferAsync(("STORE", org.Store));
        var paused = await ActiveOfferAsync(("TILL", org.Till));
        var untouched = await ActiveOfferAsync(("ZONE", org.Zone));
        var asOf = (string)(await FeedAsync(org.Store))["asOf"]!;

        var changed = Body(sync: true, ("STORE", org.Store));
        changed["discount"] = JsonNode.Parse("""{ "type": "percentage", "value": 35 }""");
        await (await _api.PutNodeAsync($"/api/v1/offers/{kept}", changed)).ExpectAsync(HttpStatusCode.OK);
        await (await _api.PostAsync(new Uri($"/api/v1/offers/{paused}/pause", UriKind.Relative), null)).ExpectAsync(HttpStatusCode.OK);
        var delta = await FeedAsync(org.Store, $"&changedSince={Uri.EscapeDataString(asOf)}");

        Assert.False((bool)delta["full"]!);
        Assert.Contains(kept, Ids(delta));
        Assert.Equal(35m, (decimal)delta["offers"]!.AsArray().Single(o => (long)o!["id"]! == kept)!["discount"]!["value"]!);
        Assert.Contains(paused, delta["removed"]!.AsArray().Select(r => (long)r!));
        Assert.DoesNotContain(untouched, Ids(delta));
    }

    [Fact]
    public async Task ChangedSinceAnswersInFullOnceTheStoreTreeHasChanged()
    {
        var org = await OrgAsync();
        var offer = await ActiveOfferAsync(("ZONE", org.Zone));
        var asOf = (string)(await FeedAsync(org.Store))["asOf"]!;

        await _api.CreateOrgEntityAsync("TILL", $"T2-{org.Store}", parentId: org.Store);
        var answer = await FeedAsync(org.Store, $"&changedSince={Uri.EscapeDataString(asOf)}");

        Assert.True((bool)answer["full"]!);
        Assert.Contains(offer, Ids(answer));
    }

    [Fact]
    public async Task AStoreIsRequiredAndMustExistAndTheCallerNeedsTheRedeemScope()
    {
        await (await _api.GetAsync(new Uri("/api/v1/instore/offers", UriKind.Relative))).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        await (await _api.GetAsync(new Uri($"/api/v1/instore/offers?storeId=NOPE-{ApiTestJson.Unique()}", UriKind.Relative)))
            .ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        var issueOnly = (await factory.Services.GetRequiredService<ApiKeyService>().CreateAsync($"issuer {ApiTestJson.Unique()}", [ApiScopes.Issue])).Value;
        using var issuer = factory.CreateApiClient(issueOnly);
        var org = await OrgAsync();
        await (await issuer.GetAsync(new Uri($"/api/v1/instore/offers?storeId={org.Store}", UriKind.Relative))).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    private async Task<Org> OrgAsync()
    {
        var u = ApiTestJson.Unique();
        var org = new Org($"Z-{u}", $"C-{u}", $"S-{u}", $"T-{u}", $"S2-{u}", $"Z2-{u}");
        await _api.PutAsJsonAsync("/api/v1/org", new { timeZone = "Asia/Kolkata", baseCurrency = "INR" });
        await _api.CreateOrgEntityAsync("ZONE", org.Zone);
        await _api.CreateOrgEntityAsync("ZONE", org.OtherZone);
        await _api.CreateOrgEntityAsync("CONCEPT", org.Concept);
        var store = await _api.PostAsJsonAsync("/api/v1/org/entities", new { type = "STORE", id = org.Store, name = "Store", parentId = org.Zone, conceptId = org.Concept, currency = "INR" });
        await store.ExpectAsync(HttpStatusCode.Created);
        await _api.CreateOrgEntityAsync("TILL", org.Till, parentId: org.Store);
        await _api.CreateOrgEntityAsync("STORE", org.OtherStore, parentId: org.OtherZone);
        return org;
    }

    private static JsonObject Body(bool sync, params (string Type, string Id)[] scope)
    {
        var body = OfferBodies.TaggedTo($"Feed {ApiTestJson.Unique()}", scope);
        body["syncToInStore"] = sync;
        return body;
    }

    private async Task<long> ActiveOfferAsync(params (string Type, string Id)[] scope) => await ActiveOfferAsync(true, scope);

    private async Task<long> ActiveOfferAsync(bool sync, params (string Type, string Id)[] scope) =>
        await ActivateAsync(await _api.CreateOfferAsync(Body(sync, scope)));

    private async Task<long> ActivateAsync(long id)
    {
        await (await _api.PostAsync(new Uri($"/api/v1/offers/{id}/activate", UriKind.Relative), null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    private async Task<HttpResponseMessage> GetFeedAsync(string store, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/instore/offers?storeId={store}", UriKind.Relative));
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await _api.SendAsync(request);
    }

    private async Task<JsonNode> FeedAsync(string store, string query = "") =>
        await (await _api.GetAsync(new Uri($"/api/v1/instore/offers?storeId={store}{query}", UriKind.Relative))).ExpectAsync(HttpStatusCode.OK);

    private async Task<long[]> FeedIdsAsync(string store) => Ids(await FeedAsync(store));

    private static long[] Ids(JsonNode? feed) => [.. feed!["offers"]!.AsArray().Select(o => (long)o!["id"]!)];
}
