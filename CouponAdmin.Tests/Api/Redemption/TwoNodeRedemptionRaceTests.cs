using System.Net;
using System.Text.Json.Nodes;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api.Redemption;

/// <summary>
/// Two web nodes on one database, each with its own writers (group commit or per-call transactions, its own session
/// pool): the limits are the statements', not one process's, so 200 redemptions spread over both nodes still succeed
/// exactly as often as the limit allows. On PostgreSQL (the tests' second leg) this is the several-node set-up itself;
/// on SQLite the two hosts of one test process still share the in-process write gate, so there it proves less.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TwoNodeRedemptionRaceTests
{
    private const int Crowd = 200;
    private const int Limit = 10;
    private const int Rounds = 5;

    [Fact]
    public async Task TwoHundredRedemptionsOfOneHolderSpreadOverTwoNodesSucceedExactlyTheCustomerLimit()
    {
        using var nodeA = new CouponAdminFactory { KeepDataFolder = true, Settings = RaceHostFactory.Unlimited() };
        var apiA = nodeA.CreateApiClient();
        await apiA.UseIndianOrgAsync();
        var holder = await apiA.CreateCustomerAsync();
        using var nodeB = new CouponAdminFactory { DataFolder = nodeA.DataFolder, Settings = RaceHostFactory.Unlimited() };
        var apiB = nodeB.CreateApiClient();

        for (var round = 0; round < Rounds; round++)
        {
            var offerId = await apiA.ActiveOfferAsync($$"""{ "anyoneCanRedeem": false, "customerLimit": {{Limit}} }""");
            var code = await apiA.IssueAsync(offerId, holder);

            var answers = await Issuance.IssuanceTestBed.ReleasedTogetherAsync(Crowd, async i =>
            {
                using var response = await (i % 2 == 0 ? apiA : apiB).RedeemAsync(RedemptionSetup.RedeemBody(code, holder));
                return await response.ReadAsync();
            });

            var succeeded = answers.Count(a => a.Status == HttpStatusCode.OK);
            var refused = answers.Count(a => a.Status == HttpStatusCode.UnprocessableEntity
                && (string?)a.Body["code"] == "CUSTOMER_REDEMPTION_LIMIT_REACHED");
            Assert.True(succeeded == Limit && refused == Crowd - Limit,
                $"Round {round}: {succeeded} × 200, {refused} × 422, others: {string.Join(", ", answers.Where(a => a.Status is not (HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity)).Select(a => $"{(int)a.Status} {a.Body["code"]}").Distinct())}");
            // Each node reads the same stored count: the one the statements kept.
            Assert.Equal(Limit, (int?)(await apiA.CouponAsync(code))["redemptionCount"]);
            Assert.Equal(Limit, (int?)(await apiB.CouponAsync(code))["redemptionCount"]);
        }
    }
}
