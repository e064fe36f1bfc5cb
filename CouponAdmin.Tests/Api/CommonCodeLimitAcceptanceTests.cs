using System.Net;
using System.Text.Json.Nodes;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api;

/// <summary>The acceptance case: a common code has no code-level redemption limit, even when anyone can redeem it.</summary>
[Collection(WebCollection.Name)]
public class CommonCodeLimitAcceptanceTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    private static JsonObject CommonCodeSeries(string redemption) => JsonNode.Parse($$"""
        {
          "name": "Summer 50 common {{ApiTestJson.Unique()}}",
          "discount": { "type": "percentage", "value": 50 },
          "coupon": { "issuedBy": "couponAdmin", "generation": { "method": "common", "commonCode": "SUMMER50" } },
          "redemption": {{redemption}}
        }
        """)!.AsObject();

    [Fact]
    public async Task ACommonCodeWithACodeLevelLimitIsRefusedAtRedemptionCodeLimit()
    {
        var body = CommonCodeSeries("""{ "anyoneCanRedeem": true, "codeLimit": 5 }""");

        var response = await _api.PostNodeAsync("/api/v1/offers", body);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["redemption.codeLimit"], ApiTestJson.ErrorPaths(problem));
        Assert.False(string.IsNullOrWhiteSpace(ApiTestJson.ErrorText(problem, "redemption.codeLimit")));
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
    }

    [Fact]
    public async Task TheSameCommonCodeWithoutACodeLevelLimitIsCreated()
    {
        var body = CommonCodeSeries("""{ "anyoneCanRedeem": true }""");

        var created = await (await _api.PostNodeAsync("/api/v1/offers", body)).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("common", (string?)created["seriesType"]);
        Assert.Equal("SUMMER50", (string?)created["coupon"]!["generation"]!["commonCode"]);
        Assert.True((bool)created["redemption"]!["anyoneCanRedeem"]!);
        Assert.Null(created["redemption"]!["codeLimit"]);
    }
}
