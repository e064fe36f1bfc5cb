using System.Net;
using System.Net.Http.Json;
using CouponAdmin.Core.Access;
using CouponAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Api.Redemption;

/// <summary>Redeem, validate, reverse and revoke over HTTP: the answers the REST contract promises a POS, and who may call what.</summary>
[Collection(WebCollection.Name)]
public sealed class RedemptionApiTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private const string OncePerCustomer = """{ "anyoneCanRedeem": false, "customerLimit": 1 }""";
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task ARedemptionAnswersWithItsIdAndThePercentageDiscountOnTheBill()
    {
        var (code, holder) = await IssuedCouponAsync(OncePerCustomer);

        var redeemed = await (await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, holder, billAmount: 1200m))).ExpectAsync(HttpStatusCode.OK);

        Assert.True((long?)redeemed["redemptionId"] > 0, redeemed.ToJsonString());
        Assert.Equal(code, (string?)redeemed["code"]);
        var discount = redeemed["discount"]!;
        Assert.Equal("percentage", (string?)discount["type"]);
        Assert.Equal(10m, (decimal?)discount["value"]);
        Assert.Equal(120m, (decimal?)discount["amount"]);
        Assert.Equal("INR", (string?)discount["currency"]);
        var coupon = await _api.CouponAsync(code);
        Assert.Equal(1, (int?)coupon["redemptionCount"]);
        Assert.Equal("redeemed", (string?)coupon["status"]);
        Assert.Equal((long?)redeemed["redemptionId"], (long?)Assert.Single(coupon["redemptions"]!.AsArray())!["id"]);
    }

    [Fact]
    public async Task AFixedDiscountIsItsValueInItsCurrency()
    {
        var (code, holder) = await IssuedCouponAsync(OncePerCustomer, """{ "type": "fixed", "value": 150, "currency": "INR" }""");

        var redeemed = await (await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, holder, billAmount: 999m))).ExpectAsync(HttpStatusCode.OK);

        var discount = redeemed["discount"]!;
        Assert.Equal("fixed", (string?)discount["type"]);
        Assert.Equal(150m, (decimal?)discount["value"]);
        Assert.Equal(150m, (decimal?)discount["amount"]);
        Assert.Equal("INR", (string?)discount["currency"]);
    }

    [Fact]
    public async Task ValidatingAnswersAsRedeemWouldButRedeemsNothing()
    {
        var (code, holder) = await IssuedCouponAsync(OncePerCustomer);

        var validated = await (await _api.ValidateAsync(RedemptionSetup.RedeemBody(code, holder, billAmount: 1200m))).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(code, (string?)validated["code"]);
        Assert.Null((long?)validated["redemptionId"]);
        Assert.Equal(120m, (decimal?)validated["discount"]!["amount"]);
        var coupon = await _api.CouponAsync(code);
        Assert.Equal(0, (int?)coupon["redemptionCount"]);
        Assert.Equal("issued", (string?)coupon["status"]);
        Assert.Empty(coupon["redemptions"]!.AsArray());
        // The one permitted redemption is still there to take, twice validated or not.
        await (await _api.ValidateAsync(RedemptionSetup.RedeemBody(code, holder))).ExpectAsync(HttpStatusCode.OK);
        await (await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, holder))).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ValidatingAUsedUpCouponGivesTheRefusalRedeemWouldGive()
    {
        var (code, holder) = await IssuedCouponAsync(OncePerCustomer);
        await (await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, holder))).ExpectAsync(HttpStatusCode.OK);

        var validated = await _api.ValidateAsync(RedemptionSetup.RedeemBody(code, holder));

        await validated.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "CUSTOMER_REDEMPTION_LIMIT_REACHED");
        Assert.Equal(1, (int?)(await _api.CouponAsync(code))["redemptionCount"]);
    }

    [Fact]
    public async Task AReversedRedemptionReinstatesTheCouponMarkedAsReversed()
    {
        var (code, holder) = await IssuedCouponAsync(OncePerCustomer);
        var redemptionId = await RedeemAsync(code, holder);

        var coupon = await (await _api.ReverseAsync(redemptionId)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(code, (string?)coupon["code"]);
        Assert.True((bool?)coupon["isReversed"]);
        Assert.Equal(0, (int?)coupon["redemptionCount"]);
        Assert.Equal("issued", (string?)coupon["status"]);
        var redemption = Assert.Single(coupon["redemptions"]!.AsArray())!;
        Assert.False((bool?)redemption["active"]);
        Assert.NotNull((string?)redemption["reversedAt"]);
        // Reinstated: the once-only coupon can be redeemed again.
        await (await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, holder))).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ReversingTheSameRedemptionTwiceIsRefusedAsAlreadyReversed()
    {
        var (code, holder) = await IssuedCouponAsync("""{ "anyoneCanRedeem": false, "customerLimit": 3 }""");
        var first = await RedeemAsync(code, holder);
        await RedeemAsync(code, holder);
        await (await _api.ReverseAsync(first)).ExpectAsync(HttpStatusCode.OK);

        var again = await _api.ReverseAsync(first);

        await again.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "ALREADY_REVERSED");
        // The second refusal gave nothing back twice: the other redemption still counts.
        Assert.Equal(1, (int?)(await _api.CouponAsync(code))["redemptionCount"]);
    }

    [Fact]
    public async Task ReversingAnUnknownRedemptionIsNotFound()
    {
        var response = await _api.ReverseAsync(987_654_321);

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "REDEMPTION_NOT_FOUND");
    }

    [Fact]
    public async Task RevokingAllUnredeemedRevokesTheIssuedCouponsAndSparesTheRedeemedOne()
    {
        var offerId = await _api.ActiveOfferAsync(OncePerCustomer);
        var holders = new[] { await _api.CreateCustomerAsync(), await _api.CreateCustomerAsync(), await _api.CreateCustomerAsync() };
        var codes = new List<string>();
        foreach (var holder in holders)
        {
            codes.Add(await _api.IssueAsync(offerId, holder));
        }

        await RedeemAsync(codes[0], holders[0]);

        var revoked = await (await _api.PostAsJsonAsync($"/api/v1/offers/{offerId}/revoke", new { mode = "allUnredeemed" })).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(2, (int?)revoked["revoked"]);
        Assert.Equal("redeemed", (string?)(await _api.CouponAsync(codes[0]))["status"]);
        Assert.Equal("revoked", (string?)(await _api.CouponAsync(codes[1]))["status"]);
        Assert.Equal("revoked", (string?)(await _api.CouponAsync(codes[2]))["status"]);
        await (await _api.RedeemAsync(RedemptionSetup.RedeemBody(codes[1], holders[1]))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "COUPON_REVOKED");
    }

    [Fact]
    public async Task ARedeemOnlyKeyCanRedeemButCannotRevoke()
    {
        var (code, holder) = await IssuedCouponAsync(OncePerCustomer);
        var offerId = (long)(await _api.CouponAsync(code))["offerId"]!;
        using var pos = factory.CreateApiClient(await KeyAsync(ApiScopes.Redeem));

        var redeemed = await pos.RedeemAsync(RedemptionSetup.RedeemBody(code, holder));
        var revoke = await pos.PostAsJsonAsync($"/api/v1/offers/{offerId}/revoke", new { mode = "allUnredeemed" });

        await redeemed.ExpectAsync(HttpStatusCode.OK);
        await revoke.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal("redeemed", (string?)(await _api.CouponAsync(code))["status"]);
    }

    [Fact]
    public async Task AnIssueOnlyKeyCannotRedeem()
    {
        var (code, holder) = await IssuedCouponAsync(OncePerCustomer);
        using var campaigns = factory.CreateApiClient(await KeyAsync(ApiScopes.Issue));

        var response = await campaigns.RedeemAsync(RedemptionSetup.RedeemBody(code, holder));

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(0, (int?)(await _api.CouponAsync(code))["redemptionCount"]);
    }

    [Fact]
    public async Task ARedemptionThatDoesNotSayWhoRedeemsIsABadRequest()
    {
        var (code, holder) = await IssuedCouponAsync(OncePerCustomer);
        var body = RedemptionSetup.RedeemBody(code, holder);
        body.Remove("customer");

        var response = await _api.RedeemAsync(body);

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("customer", ApiTestJson.ErrorPaths(problem));
        Assert.Equal(0, (int?)(await _api.CouponAsync(code))["redemptionCount"]);
    }

    private async Task<(string Code, long Holder)> IssuedCouponAsync(string redemption, string discount = """{ "type": "percentage", "value": 10 }""")
    {
        await _api.UseIndianOrgAsync();
        var offerId = await _api.ActiveOfferAsync(redemption, discount);
        var holder = await _api.CreateCustomerAsync();
        return (await _api.IssueAsync(offerId, holder), holder);
    }

    private async Task<long> RedeemAsync(string code, long holder) =>
        (long)(await (await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, holder))).ExpectAsync(HttpStatusCode.OK))["redemptionId"]!;

    private async Task<string> KeyAsync(string scope) =>
        (await factory.Services.GetRequiredService<ApiKeyService>().CreateAsync($"{scope} only {ApiTestJson.Unique()}", [scope])).Value;
}
