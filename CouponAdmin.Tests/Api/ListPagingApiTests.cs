using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CouponAdmin.Tests.Api.Redemption;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api;

/// <summary>
/// Every list endpoint answers a bounded page: <c>page</c> and <c>pageSize</c>, the total in <c>X-Total-Count</c>, the
/// page in <c>X-Page</c>/<c>X-Page-Size</c> and the way on in a <c>Link</c> header; the body stays a JSON array.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ListPagingApiTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task OffersComeInPagesWithTheTotalAndLinks()
    {
        var token = $"Paged{ApiTestJson.Unique()}";
        for (var i = 0; i < 5; i++)
        {
            await _api.CreateOfferAsync(OfferBodies.Minimal($"{token} {i}"));
        }

        var response = await _api.GetAsync($"/api/v1/offers?search={token}&page=2&pageSize=2");

        var page = (await response.ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.Equal(2, page.Count);
        Assert.Equal("5", Header(response, "X-Total-Count"));
        Assert.Equal("2", Header(response, "X-Page"));
        Assert.Equal("2", Header(response, "X-Page-Size"));
        var links = Header(response, "Link");
        Assert.Contains($"</api/v1/offers?search={token}&page=3&pageSize=2>; rel=\"next\"", links, StringComparison.Ordinal);
        Assert.Contains($"</api/v1/offers?search={token}&page=1&pageSize=2>; rel=\"prev\"", links, StringComparison.Ordinal);
        Assert.Contains($"</api/v1/offers?search={token}&page=1&pageSize=2>; rel=\"first\"", links, StringComparison.Ordinal);
        Assert.Contains($"</api/v1/offers?search={token}&page=3&pageSize=2>; rel=\"last\"", links, StringComparison.Ordinal);
        // The pages together are every offer once.
        var all = new List<long>();
        for (var p = 1; p <= 3; p++)
        {
            all.AddRange(Ids(await (await _api.GetAsync($"/api/v1/offers?search={token}&page={p}&pageSize=2")).ExpectAsync(HttpStatusCode.OK)));
        }

        Assert.Equal(5, all.Distinct().Count());
    }

    [Fact]
    public async Task SkipAndTakeStillPageAsBefore()
    {
        var token = $"Skipped{ApiTestJson.Unique()}";
        for (var i = 0; i < 4; i++)
        {
            await _api.CreateOfferAsync(OfferBodies.Minimal($"{token} {i}"));
        }

        var byPage = Ids(await (await _api.GetAsync($"/api/v1/offers?search={token}&page=2&pageSize=2")).ExpectAsync(HttpStatusCode.OK));
        var response = await _api.GetAsync($"/api/v1/offers?search={token}&skip=2&take=2");

        Assert.Equal(byPage, Ids(await response.ExpectAsync(HttpStatusCode.OK)));
        Assert.Equal("4", Header(response, "X-Total-Count"));
    }

    [Theory]
    [InlineData("/api/v1/offers?pageSize=201", "pageSize", "at most 200 (got 201)")]
    [InlineData("/api/v1/offers?page=0", "page", "(got 0)")]
    [InlineData("/api/v1/offers?page=2&skip=10", "page", "skip")]
    [InlineData("/api/v1/org/entities?pageSize=1001", "pageSize", "at most 1,000 (got 1,001)")]
    [InlineData("/api/v1/org/exchange-rates?pageSize=5000", "pageSize", "at most 1,000 (got 5,000)")]
    [InlineData("/api/v1/customers/userId/1001/coupons?pageSize=500", "pageSize", "at most 200 (got 500)")]
    public async Task AnOutOfRangePageIsABadRequestNamingTheValue(string url, string field, string message)
    {
        var response = await _api.GetAsync(url);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains(message, ApiTestJson.ErrorText(problem, field), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSeriesFilterComesInPages()
    {
        var zone = $"ZP-{ApiTestJson.Unique()}";
        await _api.CreateOrgEntityAsync("ZONE", zone);
        for (var i = 0; i < 3; i++)
        {
            await _api.CreateOfferAsync(OfferBodies.TaggedTo($"Zone offer {zone} {i}", ("ZONE", zone)));
        }

        var response = await _api.GetAsync($"/api/v1/offers?orgEntityType=ZONE&orgEntityIds={zone}&pageSize=2");

        Assert.Equal(2, (await response.ExpectAsync(HttpStatusCode.OK)).AsArray().Count);
        Assert.Equal("3", Header(response, "X-Total-Count"));
        Assert.Contains("rel=\"next\"", Header(response, "Link"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSeriesFilterTakesAtMostAHundredIds()
    {
        var ids = string.Join(',', Enumerable.Range(0, 101).Select(i => $"Z{i}"));

        var response = await _api.GetAsync($"/api/v1/offers?orgEntityType=ZONE&orgEntityIds={ids}");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains("at most 100 ids (got 101)", ApiTestJson.ErrorText(problem, "orgEntityIds"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrgEntitiesComeInPages()
    {
        var u = ApiTestJson.Unique();
        for (var i = 0; i < 3; i++)
        {
            await _api.CreateOrgEntityAsync("CONCEPT", $"C{i}-{u}");
        }

        var response = await _api.GetAsync("/api/v1/org/entities?type=CONCEPT&pageSize=2");

        Assert.Equal(2, (await response.ExpectAsync(HttpStatusCode.OK)).AsArray().Count);
        Assert.True(int.Parse(Header(response, "X-Total-Count"), System.Globalization.CultureInfo.InvariantCulture) >= 3);
        Assert.Equal("2", Header(response, "X-Page-Size"));
    }

    [Fact]
    public async Task ExchangeRatesComeInPagesAndASaveTakesAtMostAThousand()
    {
        await (await _api.PutRawAsync("/api/v1/org/exchange-rates",
            """[{ "from": "USD", "to": "INR", "rate": 83.2 }, { "from": "EUR", "to": "INR", "rate": 90.1 }, { "from": "GBP", "to": "INR", "rate": 105 }]"""))
            .ExpectAsync(HttpStatusCode.OK);
        var tooMany = new JsonArray([.. Enumerable.Range(0, 1_001).Select(i => (JsonNode)new JsonObject { ["from"] = "USD", ["to"] = "INR", ["rate"] = 80 + i })]);

        var response = await _api.GetAsync("/api/v1/org/exchange-rates?pageSize=2");
        var refused = await _api.PutNodeAsync("/api/v1/org/exchange-rates", tooMany);

        Assert.Equal(2, (await response.ExpectAsync(HttpStatusCode.OK)).AsArray().Count);
        Assert.True(int.Parse(Header(response, "X-Total-Count"), System.Globalization.CultureInfo.InvariantCulture) >= 3);
        var problem = await refused.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains("at most 1,000 exchange rates (got 1,001)", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomersCouponsComeInPages()
    {
        await _api.UseIndianOrgAsync();
        var offerId = await _api.ActiveOfferAsync("""{ "customerLimit": 1 }""");
        var holder = await _api.CreateCustomerAsync();
        for (var i = 0; i < 3; i++)
        {
            await _api.IssueAsync(offerId, holder);
        }

        var response = await _api.GetAsync($"/api/v1/customers/userId/{holder}/coupons?pageSize=2");

        Assert.Equal(2, (await response.ExpectAsync(HttpStatusCode.OK)).AsArray().Count);
        Assert.Equal("3", Header(response, "X-Total-Count"));
        Assert.Contains("page=2", Header(response, "Link"), StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"No {name} header.");

    private static List<long> Ids(JsonNode list) => [.. list.AsArray().Select(o => (long)o!["id"]!)];
}
