using System.Net;
using System.Text.Json.Nodes;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Tests.Api.Redemption;
using CouponAdmin.Tests.Support;
using CouponAdmin.Tests.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Api.FoundByTesting;

/// <summary>
/// The seed's "Transfer of Coupon": revoke the holder's coupon, then give the same code to another customer — by a codes
/// upload or by <c>POST /api/v1/coupons/{code}/transfer</c>. The old holder keeps a revoked coupon with its history.
/// </summary>
[Collection(WebCollection.Name)]
public class TransferTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task ARevokedUploadedCodeUploadedAgainForAnotherCustomerIsIssuedToThemAndRedeems()
    {
        var offer = await _api.ActiveOfferAsync(generation: """{ "method": "uploaded" }""");
        var (first, second) = (await _api.CreateCustomerAsync(), await _api.CreateCustomerAsync());
        var code = "UPL" + ApiTestJson.Unique().ToUpperInvariant();

        var firstUpload = await UploadCodesAsync(offer, $"code,identifierType,identifier\n{code},userId,{first}\n");
        await RevokeCustomerAsync(offer, first);
        var secondUpload = await UploadCodesAsync(offer, $"code,identifierType,identifier\n{code},userId,{second}\n");
        var redeemedByNew = await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, second));
        var redeemedByOld = await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, first));

        UploadsHttp.AssertCounts(firstUpload, "completed", succeeded: 1, failed: 0);
        UploadsHttp.AssertCounts(secondUpload, "completed", succeeded: 1, failed: 0);
        await redeemedByNew.ExpectAsync(HttpStatusCode.OK);
        await redeemedByOld.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "COUPON_REVOKED");
        Assert.Equal(second.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)(await _api.CouponAsync(code))["customer"]!["value"]);
        Assert.Equal("revoked", await StatusForAsync(first, code));
        Assert.Equal("redeemed", await StatusForAsync(second, code));
    }

    [Fact]
    public async Task AnUnrevokedCodeUploadedAgainIsStillADuplicate()
    {
        var offer = await _api.ActiveOfferAsync(generation: """{ "method": "uploaded" }""");
        var code = "UPL" + ApiTestJson.Unique().ToUpperInvariant();
        await UploadCodesAsync(offer, $"code\n{code}\n");

        var accepted = await (await _api.PostFileAsync(offer, $"code\n{code}\n", "codes")).ExpectAsync(HttpStatusCode.Accepted);
        var again = await _api.WaitForUploadAsync((long)accepted["uploadId"]!);

        UploadsHttp.AssertCounts(again, "completedWithIssues", succeeded: 0, failed: 1);
        Assert.Equal("DUPLICATE_CODE", (await _api.IssuesAsync((long)accepted["uploadId"]!)).Single()[3]);
    }

    [Fact]
    public async Task TheTransferEndpointRevokesTheHolderAndIssuesTheSameCodeWithAFreshExpiry()
    {
        var offer = await RedemptionSetup.ActiveOfferAsync(_api, """{ "customerLimit": 1 }""");
        var (from, to) = (await _api.CreateCustomerAsync(), await _api.CreateCustomerAsync());
        var code = await _api.IssueAsync(offer, from);

        var moved = await (await TransferAsync(code, to)).ExpectAsync(HttpStatusCode.OK);
        var lookedUp = await _api.CouponAsync(code);

        Assert.Equal(code, (string?)moved["code"]);
        Assert.Equal("issued", (string?)moved["status"]);
        Assert.Equal(to.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)moved["customer"]!["value"]);
        Assert.NotNull((string?)moved["expiresAt"]);
        Assert.Equal((string?)moved["customer"]!["value"], (string?)lookedUp["customer"]!["value"]);
        Assert.Equal("revoked", await StatusForAsync(from, code));
        await (await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, to))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["coupon.revoked", "coupon.transferred"], await AuditActionsAsync(code));
    }

    [Fact]
    public async Task ARedeemedCouponIsNotTransferable()
    {
        var offer = await RedemptionSetup.ActiveOfferAsync(_api, """{ "customerLimit": 1 }""");
        var (from, to) = (await _api.CreateCustomerAsync(), await _api.CreateCustomerAsync());
        var code = await _api.IssueAsync(offer, from);
        await (await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, from))).ExpectAsync(HttpStatusCode.OK);

        var problem = await (await TransferAsync(code, to)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "COUPON_NOT_TRANSFERABLE");

        Assert.Contains(code, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal("redeemed", await StatusForAsync(from, code));
    }

    [Fact]
    public async Task TheNewHoldersIssualLimitAppliesAndALimitRefusalMovesNothing()
    {
        var body = OfferBodies.Minimal($"Transfer limit {ApiTestJson.Unique()}");
        body["coupon"]!["generation"] = new JsonObject { ["method"] = "autoUnique", ["length"] = 12, ["alphabet"] = "alphanumeric" };
        body["issual"] = new JsonObject { ["maxPerCustomer"] = 1 };
        var offer = await _api.CreateOfferAsync(body);
        await (await _api.PostAsync(new Uri($"/api/v1/offers/{offer}/activate", UriKind.Relative), null)).ExpectAsync(HttpStatusCode.OK);
        var (from, to) = (await _api.CreateCustomerAsync(), await _api.CreateCustomerAsync());
        var code = await _api.IssueAsync(offer, from);
        await _api.IssueAsync(offer, to);

        await (await TransferAsync(code, to)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "MAX_ISSUALS_PER_CUSTOMER_EXCEEDED");

        Assert.Equal("issued", await StatusForAsync(from, code));
    }

    private Task<HttpResponseMessage> TransferAsync(string code, long to) =>
        _api.PostNodeAsync($"/api/v1/coupons/{code}/transfer", new JsonObject { ["to"] = RedemptionSetup.Customer(to) });

    private async Task<JsonNode> UploadCodesAsync(long offer, string csv)
    {
        var accepted = await (await _api.PostFileAsync(offer, csv, "codes")).ExpectAsync(HttpStatusCode.Accepted);
        return await _api.WaitForUploadAsync((long)accepted["uploadId"]!);
    }

    private async Task RevokeCustomerAsync(long offer, long user) =>
        await (await _api.PostNodeAsync($"/api/v1/offers/{offer}/revoke",
            new JsonObject { ["mode"] = "customers", ["customers"] = new JsonArray(RedemptionSetup.Customer(user)) })).ExpectAsync(HttpStatusCode.OK);

    private async Task<string?> StatusForAsync(long user, string code)
    {
        var coupons = await (await _api.GetAsync($"/api/v1/customers/userId/{user}/coupons")).ExpectAsync(HttpStatusCode.OK);
        return (string?)coupons.AsArray().Single(c => (string?)c!["code"] == code)!["status"];
    }

    private async Task<List<string>> AuditActionsAsync(string code)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CouponDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.Where(a => a.EntityId == code && a.Action != "coupon.issued" && a.Action != "coupon.redeemed")
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }
}
