using System.Net;
using System.Text.Json.Nodes;
using CouponAdmin.Tests.Api.Redemption;
using CouponAdmin.Tests.Support;
using CouponAdmin.Tests.Uploads;

namespace CouponAdmin.Tests.Api.FoundByTesting;

/// <summary>
/// Codes are one namespace per org: a common or uploaded code that has the shape of a generated code space is still found
/// by every look-up and redeems, and a code another source already holds is refused with the offer that holds it.
/// </summary>
[Collection(WebCollection.Name)]
public class CommonCodeNamespaceTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task ACommonCodeWithTheShapeOfAnAutoUniqueSpaceIsIssuedFoundAndRedeemed()
    {
        await AutoUniqueTenAlphanumericOfferAsync();
        var code = "HF" + ApiTestJson.Unique().ToUpperInvariant().PadRight(8, '7')[..8];
        var offer = await ActiveCommonOfferAsync(code);
        var user = await _api.CreateCustomerAsync();

        var issued = await (await _api.PostNodeAsync($"/api/v1/offers/{offer}/issue", new JsonObject { ["customer"] = RedemptionSetup.Customer(user) }))
            .ExpectAsync(HttpStatusCode.OK);
        var redeemed = await (await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, user))).ExpectAsync(HttpStatusCode.OK);
        var coupons = await (await _api.GetAsync($"/api/v1/customers/userId/{user}/coupons")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(code, (string?)issued["code"]);
        Assert.Equal(code, (string?)redeemed["code"]);
        Assert.Equal(offer, (long)redeemed["offerId"]!);
        Assert.Equal("redeemed", (string?)coupons.AsArray().Single(c => (long)c!["offerId"]! == offer)!["status"]);
    }

    [Fact]
    public async Task AnUploadedCodeWithAGeneratedShapeIsAcceptedAndRedeems()
    {
        await AutoUniqueTenAlphanumericOfferAsync();
        var code = "UP" + ApiTestJson.Unique().ToUpperInvariant().PadRight(8, '9')[..8];
        var offer = await _api.ActiveOfferAsync(generation: """{ "method": "uploaded" }""");
        var user = await _api.CreateCustomerAsync();

        var accepted = await (await _api.PostFileAsync(offer, $"code,identifierType,identifier\n{code},userId,{user}\n", "codes")).ExpectAsync(HttpStatusCode.Accepted);
        var upload = await _api.WaitForUploadAsync((long)accepted["uploadId"]!);
        var coupon = await _api.CouponAsync(code);
        var redeemed = await (await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, user))).ExpectAsync(HttpStatusCode.OK);

        UploadsHttp.AssertCounts(upload, "completed", succeeded: 1, failed: 0);
        Assert.Equal("issued", (string?)coupon["status"]);
        Assert.Equal(offer, (long)redeemed["offerId"]!);
    }

    [Fact]
    public async Task ACommonCodeThatAnUploadedCodeAlreadyIsIsRefusedNamingItsOffer()
    {
        var code = "TAKEN" + ApiTestJson.Unique().ToUpperInvariant()[..5];
        var uploadedOffer = await _api.ActiveOfferAsync(generation: """{ "method": "uploaded" }""");
        var accepted = await (await _api.PostFileAsync(uploadedOffer, $"code\n{code}\n", "codes")).ExpectAsync(HttpStatusCode.Accepted);
        await _api.WaitForUploadAsync((long)accepted["uploadId"]!);

        var body = OfferBodies.Minimal($"Common {ApiTestJson.Unique()}");
        body["coupon"]!["generation"] = new JsonObject { ["method"] = "common", ["commonCode"] = code };
        var problem = await (await _api.PostNodeAsync("/api/v1/offers", body)).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Contains($"offer {uploadedOffer}", ApiTestJson.ErrorText(problem, "coupon.generation.commonCode"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadedCodeThatIsAnotherOffersCommonCodeIsADuplicateEvenBeforeItIsIssued()
    {
        var code = "COMMON" + ApiTestJson.Unique().ToUpperInvariant()[..4];
        var commonOffer = await ActiveCommonOfferAsync(code);
        var uploadedOffer = await _api.ActiveOfferAsync(generation: """{ "method": "uploaded" }""");

        var accepted = await (await _api.PostFileAsync(uploadedOffer, $"code\n{code}\n", "codes")).ExpectAsync(HttpStatusCode.Accepted);
        var upload = await _api.WaitForUploadAsync((long)accepted["uploadId"]!);
        var issues = await _api.IssuesAsync((long)accepted["uploadId"]!);

        UploadsHttp.AssertCounts(upload, "completedWithIssues", succeeded: 0, failed: 1);
        Assert.Equal("DUPLICATE_CODE", issues.Single()[3]);
        Assert.Contains($"offer {commonOffer}", issues.Single()[4], StringComparison.Ordinal);
    }

    private async Task AutoUniqueTenAlphanumericOfferAsync()
    {
        var body = OfferBodies.Minimal($"Auto {ApiTestJson.Unique()}");
        body["coupon"]!["generation"] = new JsonObject { ["method"] = "autoUnique", ["length"] = 10, ["alphabet"] = "alphanumeric" };
        await _api.CreateOfferAsync(body);
    }

    private async Task<long> ActiveCommonOfferAsync(string code)
    {
        var body = OfferBodies.Minimal($"Common {ApiTestJson.Unique()}");
        body["coupon"]!["generation"] = new JsonObject { ["method"] = "common", ["commonCode"] = code };
        body["redemption"] = new JsonObject { ["customerLimit"] = 1 };
        var id = await _api.CreateOfferAsync(body);
        await (await _api.PostAsync(new Uri($"/api/v1/offers/{id}/activate", UriKind.Relative), null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }
}
