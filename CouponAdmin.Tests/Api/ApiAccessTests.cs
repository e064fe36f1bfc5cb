using System.Net;
using CouponAdmin.Core.Access;
using CouponAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Api;

/// <summary>X-Api-Key on every /api call: missing or unknown → 401, a key without the scope → 403.</summary>
[Collection(WebCollection.Name)]
public class ApiAccessTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private async Task<string> CreateKeyAsync(params string[] scopes) =>
        (await factory.Services.GetRequiredService<ApiKeyService>().CreateAsync($"test {ApiTestJson.Unique()}", scopes)).Value;

    [Theory]
    [InlineData("/api/v1/offers")]
    [InlineData("/api/v1/org")]
    [InlineData("/api/v1/customers/mobile/+919800000001")]
    public async Task ACallWithoutAKeyIsUnauthorized(string path)
    {
        using var client = factory.CreateApiClient(apiKey: null);

        var response = await client.GetAsync(path);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Contains("X-Api-Key", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACallWithAnUnknownKeyIsUnauthorized()
    {
        using var client = factory.CreateApiClient(apiKey: "not-a-key-anyone-was-given");

        var response = await client.PostNodeAsync("/api/v1/offers", OfferBodies.Minimal("Sneaky"));

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task ARevokedKeyIsUnauthorized()
    {
        var keys = factory.Services.GetRequiredService<ApiKeyService>();
        var created = await keys.CreateAsync($"revoked {ApiTestJson.Unique()}", [ApiScopes.Admin]);
        await keys.RevokeAsync(created.Key.Id);
        using var client = factory.CreateApiClient(created.Value);

        var response = await client.GetAsync("/api/v1/offers");

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task AKeyWithoutTheScopeIsForbidden()
    {
        using var client = factory.CreateApiClient(await CreateKeyAsync(ApiScopes.Redeem));

        var response = await client.PostNodeAsync("/api/v1/offers", OfferBodies.Minimal($"Not mine {ApiTestJson.Unique()}"));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Contains("admin", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForbiddenAnswerNamesTheKeyByItsPublicIdNeverByPartOfTheSecret()
    {
        var created = await factory.Services.GetRequiredService<ApiKeyService>().CreateAsync($"till {ApiTestJson.Unique()}", [ApiScopes.Redeem]);
        using var client = factory.CreateApiClient(created.Value);

        var response = await client.GetAsync("/api/v1/org");

        var detail = (string?)(await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN"))["detail"] ?? "";
        Assert.Matches(@"key_[0-9a-f]{8}", detail);
        Assert.DoesNotContain(created.Value[..8], detail, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Value[3..11], detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyWithTheScopeGetsThrough()
    {
        using var client = factory.CreateApiClient(await CreateKeyAsync(ApiScopes.Issue));

        var response = await client.GetAsync("/api/v1/customers/mobile/+919811111111");

        // Through the key check to the lookup itself, which finds nobody.
        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "CUSTOMER_NOT_FOUND");
    }

    [Fact]
    public async Task TheBootstrapKeyHasEveryScope()
    {
        using var client = factory.CreateApiClient();

        await (await client.GetAsync("/api/v1/offers")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/v1/org")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheOpenApiDocumentListsTheOffersEndpoint()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        var document = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.NotNull(document["paths"]?["/api/v1/offers"]);
        Assert.NotNull(document["paths"]?["/api/v1/offers/{id}"]);
    }

    [Fact]
    public async Task TheOpenApiDocumentDoesNotRequireTheOptionalCustomerFields()
    {
        using var client = factory.CreateClient();

        var document = await (await client.GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);

        // The REST contract: POST /api/v1/customers { "userId": 1001?, "externalId"?, "mobile"?, "email"?, "name"?, "registeredOn"?, ... }.
        var schema = document["components"]?["schemas"]?["RegisterCustomerRequest"];
        Assert.NotNull(schema);
        var required = schema["required"]?.AsArray().Select(n => (string?)n).ToList() ?? [];
        Assert.Empty(required.Intersect(["userId", "externalId", "mobile", "email", "name", "registeredOn", "transactionCount"]));
    }
}
