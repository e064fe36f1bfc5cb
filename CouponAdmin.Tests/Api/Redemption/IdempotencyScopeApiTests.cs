using System.Net;
using CouponAdmin.Core.Access;
using CouponAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Api.Redemption;

/// <summary>
/// Idempotency keys belong to the API key that sent them: another point of sale using the same Idempotency-Key
/// neither receives the first client's answer nor is blocked by it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class IdempotencyScopeApiTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private const string FivePerCustomer = """{ "anyoneCanRedeem": false, "customerLimit": 5 }""";
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task AnotherKeySendingTheSameIdempotencyKeyAndBodyDoesNotReceiveTheFirstAnswer()
    {
        var (code, holder) = await IssuedCouponAsync();
        var body = RedemptionSetup.RedeemBody(code, holder);
        var idempotencyKey = $"shared-{ApiTestJson.Unique()}";
        using var first = factory.CreateApiClient(await PosKeyAsync());
        using var other = factory.CreateApiClient(await PosKeyAsync());
        var firstAnswer = await (await first.RedeemAsync(body, idempotencyKey)).ExpectAsync(HttpStatusCode.OK);

        var (status, otherAnswer) = await (await other.RedeemAsync(body, idempotencyKey)).ReadAsync();

        // Whatever the other key is told (a redemption of its own, or a refusal), it is not the first client's answer.
        Assert.False(status == HttpStatusCode.OK && (long?)otherAnswer["redemptionId"] == (long?)firstAnswer["redemptionId"],
            $"The other key received the first key's redemption {firstAnswer["redemptionId"]}: {otherAnswer.ToJsonString()}");
        // The first client's repeat still gets its own first answer.
        var repeat = await (await first.RedeemAsync(body, idempotencyKey)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((long?)firstAnswer["redemptionId"], (long?)repeat["redemptionId"]);
    }

    [Fact]
    public async Task AnotherKeySendingTheSameIdempotencyKeyWithAnotherBodyIsNotBlocked()
    {
        var (firstCode, firstHolder) = await IssuedCouponAsync();
        var (otherCode, otherHolder) = await IssuedCouponAsync();
        var idempotencyKey = $"shared-{ApiTestJson.Unique()}";
        using var first = factory.CreateApiClient(await PosKeyAsync());
        using var other = factory.CreateApiClient(await PosKeyAsync());
        await (await first.RedeemAsync(RedemptionSetup.RedeemBody(firstCode, firstHolder), idempotencyKey)).ExpectAsync(HttpStatusCode.OK);

        var response = await other.RedeemAsync(RedemptionSetup.RedeemBody(otherCode, otherHolder), idempotencyKey);

        var redeemed = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(otherCode, (string?)redeemed["code"]);
        Assert.Equal(1, (int?)(await _api.CouponAsync(otherCode))["redemptionCount"]);
    }

    [Fact]
    public async Task AnIdempotencyKeyLongerThanAHundredCharactersIsABadRequest()
    {
        var (code, holder) = await IssuedCouponAsync();

        var response = await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, holder), new string('k', 101));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Contains("101", ApiTestJson.ErrorText(problem, "Idempotency-Key"), StringComparison.Ordinal);
        Assert.Equal(0, (int?)(await _api.CouponAsync(code))["redemptionCount"]);
    }

    private async Task<(string Code, long Holder)> IssuedCouponAsync()
    {
        await _api.UseIndianOrgAsync();
        var offerId = await _api.ActiveOfferAsync(FivePerCustomer);
        var holder = await _api.CreateCustomerAsync();
        return (await _api.IssueAsync(offerId, holder), holder);
    }

    private async Task<string> PosKeyAsync() =>
        (await factory.Services.GetRequiredService<ApiKeyService>().CreateAsync($"POS {ApiTestJson.Unique()}", [ApiScopes.Redeem])).Value;
}
