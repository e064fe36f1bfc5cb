using System.Net;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api;

/// <summary>Refused offer bodies: every problem at once under its field path, and requests that are not JSON at all.</summary>
[Collection(WebCollection.Name)]
public class OfferValidationApiTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task EveryInvalidSettingIsReportedInOneResponse()
    {
        var body = OfferBodies.Minimal("");
        body["discount"]!["value"] = 150;
        body["coupon"]!["generation"]!["length"] = 2;

        var response = await _api.PostNodeAsync("/api/v1/offers", body);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["coupon.generation.length", "discount.value", "name"], ApiTestJson.ErrorPaths(problem));
        Assert.Contains("150", ApiTestJson.ErrorText(problem, "discount.value"), StringComparison.Ordinal);
        Assert.Contains("2", ApiTestJson.ErrorText(problem, "coupon.generation.length"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidUpdateIsRefusedAndLeavesTheOfferAsItWas()
    {
        var name = $"Keep me {ApiTestJson.Unique()}";
        var body = OfferBodies.Minimal(name);
        var id = await _api.CreateOfferAsync(body);
        body["name"] = " ";
        body["redemption"] = new System.Text.Json.Nodes.JsonObject { ["hours"] = new System.Text.Json.Nodes.JsonArray(24) };

        var problem = await (await _api.PutNodeAsync($"/api/v1/offers/{id}", body)).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["name", "redemption.hours"], ApiTestJson.ErrorPaths(problem));
        Assert.Equal(name, (string?)(await _api.GetOfferAsync(id))["name"]);
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestWithACode()
    {
        var response = await _api.PostRawAsync("/api/v1/offers", """{ "name": "Broken", "discount": { "value": 10 """);

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["code"]), $"The problem has no code: {problem.ToJsonString()}");
        Assert.Equal(400, (int?)problem["status"]);
    }

    [Fact]
    public async Task MalformedJsonIsExplainedInTheProblemDetail()
    {
        var response = await _api.PostRawAsync("/api/v1/offers", """{ "name": "Broken", "discount": { "value": 10 """);

        // The REST contract: every error is { type, title, status, code, detail, errors? }; a client needs to know what was wrong.
        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), $"The problem has no detail: {problem.ToJsonString()}");
    }

    [Fact]
    public async Task AnUnknownEnumWordIsRefusedNamingTheField()
    {
        var body = OfferBodies.Minimal($"Bad method {ApiTestJson.Unique()}");
        body["coupon"]!["generation"]!["method"] = "printedOnPaper";

        var problem = await (await _api.PostNodeAsync("/api/v1/offers", body)).ExpectAsync(HttpStatusCode.BadRequest);

        // Every refusal carries a human message naming the value at fault.
        Assert.True(problem.ToJsonString().Contains("coupon.generation.method", StringComparison.Ordinal)
            || problem.ToJsonString().Contains("printedOnPaper", StringComparison.Ordinal),
            $"The problem does not say which field or value was wrong: {problem.ToJsonString()}");
    }

    [Fact]
    public async Task AnUnknownEnumWordIsABadRequestWithACode()
    {
        var body = OfferBodies.Minimal($"Bad method {ApiTestJson.Unique()}");
        body["coupon"]!["generation"]!["method"] = "printedOnPaper";

        var response = await _api.PostNodeAsync("/api/v1/offers", body);

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["code"]), $"The problem has no code: {problem.ToJsonString()}");
    }

    [Fact]
    public async Task TheRandomizedCommonSampleCannotChangeOnUpdate()
    {
        var body = OfferBodies.Minimal($"Randomized {ApiTestJson.Unique()}");
        body["coupon"]!["generation"] = new System.Text.Json.Nodes.JsonObject { ["method"] = "randomizedCommon", ["sampleCode"] = "TEST12345" };
        var id = await _api.CreateOfferAsync(body);
        body["coupon"]!["generation"]!["sampleCode"] = "OTHER6789";

        var response = await _api.PutNodeAsync($"/api/v1/offers/{id}", body);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains("coupon.generation.sampleCode", ApiTestJson.ErrorPaths(problem));
        Assert.Contains("TEST12345", ApiTestJson.ErrorText(problem, "coupon.generation.sampleCode"), StringComparison.Ordinal);
        Assert.Equal("TEST12345", (string?)(await _api.GetOfferAsync(id))["coupon"]!["generation"]!["sampleCode"]);
    }

    [Fact]
    public async Task TheRandomizedCommonSampleMayStayTheSameWhileOtherSettingsChange()
    {
        var body = OfferBodies.Minimal($"Randomized same {ApiTestJson.Unique()}");
        body["coupon"]!["generation"] = new System.Text.Json.Nodes.JsonObject { ["method"] = "randomizedCommon", ["sampleCode"] = "KEEP12345" };
        var id = await _api.CreateOfferAsync(body);
        body["discount"]!["value"] = 20;

        var updated = await (await _api.PutNodeAsync($"/api/v1/offers/{id}", body)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(20m, (decimal)updated["discount"]!["value"]!);
        Assert.Equal("KEEP12345", (string?)updated["coupon"]!["generation"]!["sampleCode"]);
    }
}
