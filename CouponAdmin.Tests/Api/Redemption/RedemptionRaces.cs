using System.Net;
using System.Text.Json.Nodes;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api.Redemption;

/// <summary>
/// The races, run against each way of writing redemptions and against one or two web nodes: the racers' calls alternate
/// over the factory's nodes (<see cref="RaceHostFactory.CreateNodeClients"/>), set-up goes to the first, and every node
/// must read back the count the statements kept.
/// </summary>
public abstract class RedemptionRaces<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : RaceHostFactory
{
    private const int Rounds = 20;
    private const int Limit = 10;
    private readonly IReadOnlyList<HttpClient> _nodes = factory.CreateNodeClients();

    /// <summary>The first node: set-up calls and look-ups go here.</summary>
    private HttpClient Api => _nodes[0];

    /// <summary>The node racer <paramref name="racer"/> calls: racers alternate over the nodes.</summary>
    private HttpClient Node(int racer) => _nodes[racer % _nodes.Count];

    [Fact]
    public async Task TwoHundredCustomersRacingForACodeLimitedToTenRedeemItExactlyTenTimes()
    {
        var customers = await factory.CustomersAsync(Api);
        for (var round = 0; round < Rounds; round++)
        {
            var offerId = await Api.ActiveOfferAsync($$"""{ "anyoneCanRedeem": true, "codeLimit": {{Limit}}, "customerLimit": null }""");
            var code = await Api.IssueAsync(offerId, customers[0]);

            var answers = await RaceAsync(customers.Length, i => Node(i).RedeemAsync(RedemptionSetup.RedeemBody(code, customers[i])));

            AssertExactlyTenSucceeded(answers, "CODE_REDEMPTION_LIMIT_REACHED", round);
            await AssertEveryNodeCountsAsync(code, Limit, round);
        }
    }

    [Fact]
    public async Task TheHolderSendingTwoHundredRedemptionsAtOnceGetsExactlyTheCustomerLimit()
    {
        var customers = await factory.CustomersAsync(Api);
        for (var round = 0; round < Rounds; round++)
        {
            var offerId = await Api.ActiveOfferAsync($$"""{ "anyoneCanRedeem": false, "customerLimit": {{Limit}} }""");
            var holder = customers[round];
            var code = await Api.IssueAsync(offerId, holder);

            var answers = await RaceAsync(RaceHostFactory.Crowd, i => Node(i).RedeemAsync(RedemptionSetup.RedeemBody(code, holder)));

            AssertExactlyTenSucceeded(answers, "CUSTOMER_REDEMPTION_LIMIT_REACHED", round);
            await AssertEveryNodeCountsAsync(code, Limit, round);
        }
    }

    [Fact]
    public async Task TwoHundredHoldersRacingForASeriesLimitedToTenRedeemItExactlyTenTimes()
    {
        var customers = await factory.CustomersAsync(Api);
        for (var round = 0; round < Rounds; round++)
        {
            var offerId = await Api.ActiveOfferAsync($$"""{ "anyoneCanRedeem": false, "customerLimit": 1, "seriesLimit": {{Limit}} }""");
            var codes = await IssueToEveryoneAsync(offerId, customers);

            var answers = await RaceAsync(customers.Length, i => Node(i).RedeemAsync(RedemptionSetup.RedeemBody(codes[i], customers[i])));

            AssertExactlyTenSucceeded(answers, "SERIES_REDEMPTION_LIMIT_REACHED", round);
            var redeemedCodes = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => (string)a.Body["code"]!).ToHashSet();
            Assert.Equal(Limit, redeemedCodes.Count);
            foreach (var code in redeemedCodes)
            {
                await AssertEveryNodeCountsAsync(code, 1, round);
            }

            // A refused holder's coupon was left untouched: no count given and not taken back.
            var refused = codes.First(c => !redeemedCodes.Contains(c));
            await AssertEveryNodeCountsAsync(refused, 0, round);
            // The offer's stored series count is the limit, not one more: its figures read the counter the statements kept.
            Assert.Equal(Limit, await SeriesRedeemedAsync(offerId));
        }
    }

    [Fact]
    public async Task RedemptionsReversedAsTheyComeBackNeverLeaveTheCountAboveTheLimitOrBelowZero()
    {
        const int customerLimit = 5;
        var customers = await factory.CustomersAsync(Api);
        for (var round = 0; round < Rounds; round++)
        {
            var offerId = await Api.ActiveOfferAsync($$"""{ "anyoneCanRedeem": false, "customerLimit": {{customerLimit}} }""");
            var holder = customers[RaceHostFactory.Crowd - 1 - round];
            var code = await Api.IssueAsync(offerId, holder);
            var reversals = new List<(HttpStatusCode Status, JsonNode Body)>();

            // Each redemption is reversed through the next node: with two nodes, a redemption one made is given back by the other.
            var answers = await RaceAsync(50, async i =>
            {
                var redeemed = await Node(i).RedeemAsync(RedemptionSetup.RedeemBody(code, holder));
                if (redeemed.StatusCode == HttpStatusCode.OK)
                {
                    var id = (long)(await redeemed.ReadAsync()).Body["redemptionId"]!;
                    using var reversed = await Node(i + 1).ReverseAsync(id);
                    var answer = await reversed.ReadAsync();
                    lock (reversals)
                    {
                        reversals.Add(answer);
                    }
                }

                return redeemed;
            });

            var succeeded = answers.Count(a => a.Status == HttpStatusCode.OK);
            var refusals = answers.Where(a => a.Status != HttpStatusCode.OK).ToList();
            Assert.True(succeeded >= customerLimit, $"Round {round}: only {succeeded} redemptions succeeded; at least {customerLimit} must. {Describe(answers)}");
            Assert.All(refusals, r => Assert.True(r.Status == HttpStatusCode.UnprocessableEntity && (string?)r.Body["code"] == "CUSTOMER_REDEMPTION_LIMIT_REACHED",
                $"Round {round}: unexpected refusal {(int)r.Status} {r.Body.ToJsonString()}"));
            Assert.Equal(succeeded, reversals.Count);
            Assert.All(reversals, r => Assert.True(r.Status == HttpStatusCode.OK, $"Round {round}: reversal answered {(int)r.Status} {r.Body.ToJsonString()}"));

            var coupon = await Api.CouponAsync(code);
            var count = (int)coupon["redemptionCount"]!;
            Assert.True(count == ActiveRedemptions(coupon), $"Round {round}: redemptionCount {count}, active redemptions {ActiveRedemptions(coupon)}.");
            Assert.InRange(count, 0, customerLimit);
            Assert.Equal(succeeded, coupon["redemptions"]!.AsArray().Count);
            // Every success was reversed, so none is in force and the coupon is back to issued.
            Assert.Equal(0, count);
            Assert.Equal("issued", (string?)coupon["status"]);

            // The counts given back are usable again: the holder can still redeem up to the limit.
            var again = await RaceAsync(customerLimit + 1, i => Node(i).RedeemAsync(RedemptionSetup.RedeemBody(code, holder)));
            Assert.True(again.Count(a => a.Status == HttpStatusCode.OK) == customerLimit, $"Round {round}: after the reversals, {Describe(again)}");
            await AssertEveryNodeCountsAsync(code, customerLimit, round);
        }
    }

    [Fact]
    public async Task TwentyIdenticalRequestsWithOneIdempotencyKeyRedeemOnceAndAllGetTheSameAnswer()
    {
        var customers = await factory.CustomersAsync(Api);
        for (var round = 0; round < Rounds; round++)
        {
            var offerId = await Api.ActiveOfferAsync("""{ "anyoneCanRedeem": false, "customerLimit": 100 }""");
            var holder = customers[round];
            var code = await Api.IssueAsync(offerId, holder);
            var body = RedemptionSetup.RedeemBody(code, holder);
            var key = $"idem-{ApiTestJson.Unique()}";

            var answers = await RaceAsync(20, i => Node(i).RedeemAsync(body.DeepClone(), key));

            Assert.True(answers.All(a => a.Status == HttpStatusCode.OK), $"Round {round}: {Describe(answers)}");
            var ids = answers.Select(a => (long?)a.Body["redemptionId"]).Distinct().ToList();
            Assert.True(ids.Count == 1 && ids[0] is not null, $"Round {round}: redemption ids {string.Join(", ", ids)}");
            var coupon = await Api.CouponAsync(code);
            Assert.Equal(1, (int?)coupon["redemptionCount"]);
            var only = Assert.Single(coupon["redemptions"]!.AsArray());
            Assert.Equal(ids[0], (long?)only!["id"]);
        }
    }

    /// <summary>One coupon of the offer for each of the host's customers (the crowd), by bulk issuance; the codes in crowd order.</summary>
    private async Task<string[]> IssueToEveryoneAsync(long offerId, long[] customers)
    {
        var queued = await (await Api.PostRawAsync($"/api/v1/offers/{offerId}/bulk-issue", "{}")).ExpectAsync(HttpStatusCode.Accepted);
        var runId = (long)queued["runId"]!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonNode run;
        do
        {
            await Task.Delay(50);
            run = await (await Api.GetAsync(new Uri($"/api/v1/bulk-issues/{runId}", UriKind.Relative))).ExpectAsync(HttpStatusCode.OK);
        }
        while ((string?)run["status"] is not ("completed" or "failed") && DateTime.UtcNow < deadline);

        Assert.True((string?)run["status"] == "completed" && (long?)run["issued"] == customers.Length, $"Bulk issuance: {run.ToJsonString()}");
        var codes = new string[customers.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, customers.Length), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var held = await (await Api.GetAsync(new Uri($"/api/v1/customers/userId/{customers[i]}/coupons", UriKind.Relative), ct)).ExpectAsync(HttpStatusCode.OK);
            codes[i] = (string)held.AsArray().Single(c => (long)c!["offerId"]! == offerId)!["code"]!;
        });
        return codes;
    }

    [Fact]
    public async Task FiftyRedemptionsOfOneCodeInOnePosTransactionRedeemItOnce()
    {
        var customers = await factory.CustomersAsync(Api);
        for (var round = 0; round < 5; round++)
        {
            var offerId = await Api.ActiveOfferAsync("""{ "anyoneCanRedeem": false, "customerLimit": 5 }""");
            var holder = customers[round];
            var code = await Api.IssueAsync(offerId, holder);
            var body = RedemptionSetup.RedeemBody(code, holder, transactionId: $"POS-{round}-{ApiTestJson.Unique()}");

            var answers = await RaceAsync(50, i => Node(i).RedeemAsync(body.DeepClone()));

            Assert.True(answers.Count(a => a.Status == HttpStatusCode.OK) == 1, $"Round {round}: {Describe(answers)}");
            Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a =>
            {
                Assert.Equal(HttpStatusCode.Conflict, a.Status);
                Assert.Equal("DUPLICATE_TRANSACTION", (string?)a.Body["code"]);
            });
            await AssertEveryNodeCountsAsync(code, 1, round);
        }
    }

    /// <summary>Starts every request, holds them at one gate until all wait there, opens it, and collects each status and body.</summary>
    private static Task<(HttpStatusCode Status, JsonNode Body)[]> RaceAsync(int count, Func<int, Task<HttpResponseMessage>> send) =>
        Issuance.IssuanceTestBed.ReleasedTogetherAsync(count, async i =>
        {
            using var response = await send(i);
            return await response.ReadAsync();
        });

    private static void AssertExactlyTenSucceeded((HttpStatusCode Status, JsonNode Body)[] answers, string refusalCode, int round)
    {
        var succeeded = answers.Count(a => a.Status == HttpStatusCode.OK);
        var refused = answers.Count(a => a.Status == HttpStatusCode.UnprocessableEntity && (string?)a.Body["code"] == refusalCode);
        Assert.True(succeeded == Limit && refused == answers.Length - Limit,
            $"Round {round}: expected {Limit} × 200 and {answers.Length - Limit} × 422 {refusalCode}; got {Describe(answers)}");
        Assert.Equal(Limit, answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => (long?)a.Body["redemptionId"]).Distinct().Count());
    }

    /// <summary>
    /// The coupon's stored redemption count and its redemptions in force, as each node reads them: both must be
    /// <paramref name="expected"/> on every node.
    /// </summary>
    private async Task AssertEveryNodeCountsAsync(string code, int expected, int round)
    {
        for (var node = 0; node < _nodes.Count; node++)
        {
            var coupon = await _nodes[node].CouponAsync(code);
            Assert.True((int?)coupon["redemptionCount"] == expected && ActiveRedemptions(coupon) == expected,
                $"Round {round}, node {node}: {code} has redemptionCount {coupon["redemptionCount"]} and {ActiveRedemptions(coupon)} active redemptions; expected {expected}.");
        }
    }

    /// <summary>The offer's series redemption counter (<c>OfferCounters.RedeemedCount</c>) as the database holds it.</summary>
    private async Task<long> SeriesRedeemedAsync(long offerId)
    {
        await using var connection = factory.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT "RedeemedCount" FROM "OfferCounters" WHERE "OfferId" = {offerId}""";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int ActiveRedemptions(JsonNode coupon) => coupon["redemptions"]!.AsArray().Count(r => (bool)r!["active"]!);

    private static string Describe(IEnumerable<(HttpStatusCode Status, JsonNode Body)> answers) =>
        string.Join("; ", answers.GroupBy(a => $"{(int)a.Status} {(string?)a.Body["code"]}".Trim()).Select(g => $"{g.Count()} × {g.Key}"));
}
