using System.Globalization;
using System.Net;
using CouponAdmin.Tests.Api.Redemption;
using CouponAdmin.Tests.Support;
using CouponAdmin.Tests.Uploads;

namespace CouponAdmin.Tests.Api.FoundByTesting;

/// <summary>
/// One redemption per code and POS transaction: a till that retries without an Idempotency-Key, or an offline file
/// uploaded twice, is told DUPLICATE_TRANSACTION and redeems nothing more. A reversal frees the transaction id.
/// </summary>
[Collection(WebCollection.Name)]
public class DuplicateTransactionTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task ARetryWithoutAnIdempotencyKeyIsADuplicateTransactionNamingIt()
    {
        var (code, holder) = await IssuedCouponAsync();
        var body = RedemptionSetup.RedeemBody(code, holder, transactionId: "POS-77-0042");

        await (await _api.RedeemAsync(body)).ExpectAsync(HttpStatusCode.OK);
        var problem = await (await _api.RedeemAsync(body.DeepClone())).ExpectProblemAsync(HttpStatusCode.Conflict, "DUPLICATE_TRANSACTION");
        var validated = await (await _api.ValidateAsync(body.DeepClone())).ExpectProblemAsync(HttpStatusCode.Conflict, "DUPLICATE_TRANSACTION");

        Assert.Contains("POS-77-0042", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal((string?)problem["detail"], (string?)validated["detail"]);
        Assert.Equal(1, (int?)(await _api.CouponAsync(code))["redemptionCount"]);
    }

    [Fact]
    public async Task AnotherTransactionRedeemsTheSameCodeAgainWithinItsLimit()
    {
        var (code, holder) = await IssuedCouponAsync();

        await (await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, holder, transactionId: "POS-1"))).ExpectAsync(HttpStatusCode.OK);
        await (await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, holder, transactionId: "POS-2"))).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(2, (int?)(await _api.CouponAsync(code))["redemptionCount"]);
    }

    [Fact]
    public async Task AReversedRedemptionFreesItsTransactionForACorrectedOne()
    {
        var (code, holder) = await IssuedCouponAsync();
        var first = await (await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, holder, transactionId: "POS-9", billAmount: 1000m))).ExpectAsync(HttpStatusCode.OK);

        await (await _api.ReverseAsync((long)first["redemptionId"]!)).ExpectAsync(HttpStatusCode.OK);
        var corrected = await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, holder, transactionId: "POS-9", billAmount: 1500m));

        await corrected.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnIdempotencyKeyRepeatStillGetsTheFirstAnswer()
    {
        var (code, holder) = await IssuedCouponAsync();
        var body = RedemptionSetup.RedeemBody(code, holder, transactionId: "POS-K");
        var key = $"key-{ApiTestJson.Unique()}";

        var first = await (await _api.RedeemAsync(body, key)).ExpectAsync(HttpStatusCode.OK);
        var repeat = await (await _api.RedeemAsync(body.DeepClone(), key)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal((long)first["redemptionId"]!, (long)repeat["redemptionId"]!);
    }

    [Fact]
    public async Task AnOfflineRedemptionsFileUploadedTwiceRedeemsEachRowOnce()
    {
        var (code, holder) = await IssuedCouponAsync();
        var offer = (long)(await _api.CouponAsync(code))["offerId"]!;
        var at = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var csv = "code,identifierType,identifier,storeId,billAmount,transactionId,redeemedAt\n"
            + $"{code},userId,{holder},S1,1200,OFF-1,{at}\n{code},userId,{holder},S1,900,OFF-2,{at}\n";

        var first = await UploadRedemptionsAsync(offer, csv);
        var again = await UploadRedemptionsAsync(offer, csv);

        Assert.Empty((await _api.IssuesAsync(first.Id)).Select(i => string.Join("|", i)));
        UploadsHttp.AssertCounts(first.Status, "completed", succeeded: 2, failed: 0);
        UploadsHttp.AssertCounts(again.Status, "completedWithIssues", succeeded: 0, failed: 2);
        Assert.All(await _api.IssuesAsync(again.Id), issue => Assert.Equal("DUPLICATE_TRANSACTION", issue[3]));
        Assert.Equal(2, (int?)(await _api.CouponAsync(code))["redemptionCount"]);
    }

    /// <summary>A coupon whose holder may redeem it five times.</summary>
    private async Task<(string Code, long Holder)> IssuedCouponAsync()
    {
        var offer = await RedemptionSetup.ActiveOfferAsync(_api, """{ "customerLimit": 5 }""");
        var holder = await _api.CreateCustomerAsync();
        return (await _api.IssueAsync(offer, holder), holder);
    }

    private async Task<(long Id, System.Text.Json.Nodes.JsonNode Status)> UploadRedemptionsAsync(long offer, string csv)
    {
        var accepted = await (await _api.PostFileAsync(offer, csv, "redemptions")).ExpectAsync(HttpStatusCode.Accepted);
        var id = (long)accepted["uploadId"]!;
        return (id, await _api.WaitForUploadAsync(id));
    }
}
