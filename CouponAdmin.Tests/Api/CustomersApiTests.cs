using System.Net;
using System.Net.Http.Json;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api;

/// <summary>Registering customers and finding them by an identifier.</summary>
[Collection(WebCollection.Name)]
public class CustomersApiTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    private static string UniqueMobile() => $"+91{Random.Shared.NextInt64(6_000_000_000, 9_999_999_999)}";

    private static long UniqueUserId() => Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);

    [Fact]
    public async Task ACustomerWithAUserIdKeepsIt()
    {
        var userId = UniqueUserId();

        var response = await _api.PostAsJsonAsync("/api/v1/customers", new { userId, mobile = UniqueMobile(), name = "Asha", registeredOn = "2026-01-31", transactionCount = 4 });

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(userId, (long)created["userId"]!);
        Assert.Equal("2026-01-31", (string?)created["registeredOn"]);
        Assert.Equal(4, (int)created["transactionCount"]!);
        Assert.NotNull(response.Headers.Location);
    }

    [Fact]
    public async Task ACustomerWithoutAUserIdIsAssignedOne()
    {
        var email = $"c{ApiTestJson.Unique()}@example.com";

        var response = await _api.PostRawAsync("/api/v1/customers", $$"""{ "externalId": "EXT-{{ApiTestJson.Unique()}}", "email": "{{email}}" }""");

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var userId = (long)created["userId"]!;
        Assert.True(userId > 0, $"The assigned user id is {userId}.");
        var found = await (await _api.GetAsync($"/api/v1/customers/userId/{userId}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(email, (string?)found["email"]);
    }

    [Fact]
    public async Task TwoCustomersWithoutUserIdsGetDifferentOnes()
    {
        var first = await (await _api.PostAsJsonAsync("/api/v1/customers", new { mobile = UniqueMobile() })).ExpectAsync(HttpStatusCode.Created);
        var second = await (await _api.PostAsJsonAsync("/api/v1/customers", new { mobile = UniqueMobile() })).ExpectAsync(HttpStatusCode.Created);

        Assert.NotEqual((long)first["userId"]!, (long)second["userId"]!);
    }

    [Fact]
    public async Task CustomersRegisteredAtTheSameTimeWithoutUserIdsAllGetDifferentOnes()
    {
        var userIds = new List<long>();
        // Campaign engines register in parallel; a few bursts make a read-then-write race show up reliably.
        for (var burst = 0; burst < 5; burst++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => _api.PostAsJsonAsync("/api/v1/customers", new { mobile = UniqueMobile() })));

            var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
            var refused = responses.Select((r, i) => (r, Body: bodies[i])).Where(x => x.r.StatusCode != HttpStatusCode.Created).ToList();
            if (refused.Count > 0)
            {
                var (response, body) = refused[0];
                Assert.Fail($"{refused.Count} of {responses.Length} were not created, e.g. {(int)response.StatusCode} " +
                    $"{response.Content.Headers.ContentType}: {body[..Math.Min(120, body.Length)]}");
            }

            userIds.AddRange(bodies.Select(b => (long)System.Text.Json.Nodes.JsonNode.Parse(b)!["userId"]!));
        }

        Assert.Equal(userIds.Count, userIds.Distinct().Count());
    }

    [Fact]
    public async Task ASecondCustomerWithTheSameMobileIsADuplicate()
    {
        var mobile = UniqueMobile();
        await (await _api.PostAsJsonAsync("/api/v1/customers", new { mobile })).ExpectAsync(HttpStatusCode.Created);

        var response = await _api.PostAsJsonAsync("/api/v1/customers", new { mobile, name = "Someone else" });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict, "DUPLICATE_CUSTOMER");
        Assert.Contains(mobile, (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidEmailIsRefusedNamingTheValue()
    {
        var response = await _api.PostAsJsonAsync("/api/v1/customers", new { email = "asha-at-example", mobile = UniqueMobile() });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["email"], ApiTestJson.ErrorPaths(problem));
        Assert.Contains("asha-at-example", ApiTestJson.ErrorText(problem, "email"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomerCanBeFoundByMobile()
    {
        var mobile = UniqueMobile();
        var created = await (await _api.PostAsJsonAsync("/api/v1/customers", new { mobile, name = "Ravi" })).ExpectAsync(HttpStatusCode.Created);

        var response = await _api.GetAsync($"/api/v1/customers/mobile/{Uri.EscapeDataString(mobile)}");

        var found = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((long)created["userId"]!, (long)found["userId"]!);
        Assert.Equal(mobile, (string?)found["mobile"]);
        Assert.Equal("Ravi", (string?)found["name"]);
    }

    [Fact]
    public async Task AnUnknownMobileIsNotFound()
    {
        var response = await _api.GetAsync($"/api/v1/customers/mobile/{Uri.EscapeDataString(UniqueMobile())}");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "CUSTOMER_NOT_FOUND");
    }
}
