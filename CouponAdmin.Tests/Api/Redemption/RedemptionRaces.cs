using System.Net;
using System.Text.Json.Nodes;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api.Redemption;

/// <summary>The races, run against each way of writing redemptions.</summary>
public abstract class RedemptionRaces<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : RaceHostFactory
{
    private const int Rounds = 20;
    private const int Limit = 10;
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task TwoHundredCustomersRacingForACodeLimitedToTenRedeemItExactlyTenTimes()
    {
        var customers = await factory.CustomersAsync(_api);
        for (var round = 0; round < Rounds; round++)
        {
            var offerId = await _api.ActiveOfferAsync($$"""{ "anyoneCanRedeem": true, "codeLimit": {{Limit}}, "customerLimit": null }""");
            var code = await _api.IssueAsync(offerId, customers[0]);

            var answers = await RaceAsync(customers.Length, i => _api.RedeemAsync(RedemptionSetup.RedeemBody(code, customers[i])));

            AssertExactlyTenSucceeded(answers, "CODE_REDEMPTION_LIMIT_REACHED", round);
            var coupon = await _api.CouponAsync(code);
            Assert.True((int?)coupon["redemptionCount"] == Limit, $"Round {round}: redemptionCount {coupon["redemptionCount"]}, expected {Limit}.");
            Assert.Equal(Limit, ActiveRedemptions(coupon));
        }
    }

    [Fact]
    public async Task TheHolderSendingTwoHundredRedemptionsAtOnceGetsExactlyTheCustomerLimit()
    {
        var customers = await factory.CustomersAsync(_api);
        for (var round = 0; round < Rounds; round++)
        {
            var offerId = await _api.ActiveOfferAsync($$"""{ "anyoneCanRedeem": false, "customerLimit": {{Limit}} }""");
            var holder = customers[round];
            var code = await _api.IssueAsync(offerId, holder);

            var answers = await RaceAsync(RaceHostFactory.Crowd, _ => _api.RedeemAsync(RedemptionSetup.RedeemBody(code, holder)));

            AssertExactlyTenSucceeded(answers, "CUSTOMER_REDEMPTION_LIMIT_REACHED", round);
            var coupon = await _api.CouponAsync(code);
            Assert.True((int?)coupon["redemptionCount"] == Limit, $"Round {round}: redemptionCount {coupon["redemptionCount"]}, expected {Limit}.");
            Assert.Equal(Limit, ActiveRedemptions(coupon));
        }
    }

    [Fact]
    public async Task TwoHundredHoldersRacingForASeriesLimitedToTenRedeemItExactlyTenTimes()
    {
        var customers = await factory.CustomersAsync(_api);
        for (var round = 0; round < Rounds; round++)
        {
            var offerId = await _api.ActiveOfferAsync($$"""{ "anyoneCanRedeem": false, "customerLimit": 1, "seriesLimit": {{Limit}} }""");
            var codes = await IssueToEveryoneAsync(offerId, customers);

            var answers = await RaceAsync(customers.Length, i => _api.RedeemAsync(RedemptionSetup.RedeemBody(codes[i], customers[i])));

            AssertExactlyTenSucceeded(answers, "SERIES_REDEMPTION_LIMIT_REACHED", round);
            var redeemedCodes = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => (string)a.Body["code"]!).ToHashSet();
            Assert.Equal(Limit, redeemedCodes.Count);
            foreach (var code in redeemedCodes)
            {
                Assert.Equal(1, (int?)(await _api.CouponAsync(code))["redemptionCount"]);
            }

            // A refused holder's coupon was left untouched: no count given and not taken back.
            var refused = codes.First(c => !redeemedCodes.Contains(c));
            Assert.Equal(0, (int?)(await _api.CouponAsync(refused))["redemptionCount"]);
        }
    }

    [Fact]
    public async Task RedemptionsReversedAsTheyComeBackNeverLeaveTheCountAboveTheLimitOrBelowZero()
    {
        const int customerLimit = 5;
        var customers = await factory.CustomersAsync(_api);
        for (var round = 0; round < Rounds; round++)
        {
            var offerId = await _api.ActiveOfferAsync($$"""{ "anyoneCanRedeem": false, "customerLimit": {{customerLimit}} }""");
            var holder = customers[RaceHostFactory.Crowd - 1 - round];
            var code = await _api.IssueAsync(offerId, holder);
            var reversals = new List<(HttpStatusCode Status, JsonNode Body)>();

            var answers = await RaceAsync(50, async _ =>
            {
                var redeemed = await _api.RedeemAsync(RedemptionSetup.RedeemBody(code, holder));
                if (redeemed.StatusCode == HttpStatusCode.OK)
                {
                    var id = (long)(await redeemed.ReadAsync()).Body["redemptionId"]!;
                    using var reversed = await _api.ReverseAsync(id);
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

            var coupon = await _api.CouponAsync(code);
            var count = (int)coupon["redemptionCount"]!;
            Assert.True(count == ActiveRedemptions(coupon), $"Round {round}: redemptionCount {count}, active redemptions {ActiveRedemptions(coupon)}.");
            Assert.InRange(count, 0, customerLimit);
            Assert.Equal(succeeded, coupon["redemptions"]!.AsArray().Count);
            // Every success was reversed, so none is in force and the coupon is back to issued.
            Assert.Equal(0, count);
            Assert.Equal("issued", (string?)coupon["status"]);

            // The counts given back are usable again: the holder can still redeem up to the limit.
            var again = await RaceAsync(customerLimit + 1, _ => _api.RedeemAsync(RedemptionSetup.RedeemBody(code, holder)));
            Assert.True(again.Count(a => a.Status == HttpStatusCode.OK) == customerLimit, $"Round {round}: after the reversals, {Describe(again)}");
        }
    }

    [Fact]
    public async Task TwentyIdenticalRequestsWithOneIdempotencyKeyRedeemOnceAndAllGetTheSameAnswer()
    {
        var customers = await factory.CustomersAsync(_api);
        for (var round = 0; round < Rounds; round++)
        {
            var offerId = await _api.ActiveOfferAsync("""{ "anyoneCanRedeem": false, "customerLimit": 100 }""");
            var holder = customers[round];
            var code = await _api.IssueAsync(offerId, holder);
            var body = RedemptionSetup.RedeemBody(code, holder);
            var key = $"idem-{ApiTestJson.Unique()}";

            var answers = await RaceAsync(20, _ => _api.RedeemAsync(body.DeepClone(), key));

            Assert.True(answers.All(a => a.Status == HttpStatusCode.OK), $"Round {round}: {Describe(answers)}");
            var ids = answers.Select(a => (long?)a.Body["redemptionId"]).Distinct().ToList();
            Assert.True(ids.Count == 1 && ids[0] is not null, $"Round {round}: redemption ids {string.Join(", ", ids)}");
            var coupon = await _api.CouponAsync(code);
            Assert.Equal(1, (int?)coupon["redemptionCount"]);
            var only = Assert.Single(coupon["redemptions"]!.AsArray());
            Assert.Equal(ids[0], (long?)only!["id"]);
        }
    }

    /// <summary>One coupon of the offer for each of the host's customers (the crowd), by bulk issuance; the codes in crowd order.</summary>
    private async Task<string[]> IssueToEveryoneAsync(long offerId, long[] customers)
    {
        var queued = await (await _api.PostRawAsync($"/api/v1/offers/{offerId}/bulk-issue", "{}")).ExpectAsync(HttpStatusCode.Accepted);
        var runId = (long)queued["runId"]!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonNode run;
        do
        {
            await Task.Delay(50);
            run = await (await _api.GetAsync(new Uri($"/api/v1/bulk-issues/{runId}", UriKind.Relative))).ExpectAsync(HttpStatusCode.OK);
        }
        while ((string?)run["status"] is not ("completed" or "failed") && DateTime.UtcNow < deadline);

        Assert.True((string?)run["status"] == "completed" && (long?)run["issued"] == customers.Length, $"Bulk issuance: {run.ToJsonString()}");
        var codes = new string[customers.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, customers.Length), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var held = await (await _api.GetAsync(new Uri($"/api/v1/customers/userId/{customers[i]}/coupons", UriKind.Relative), ct)).ExpectAsync(HttpStatusCode.OK);
            codes[i] = (string)held.AsArray().Single(c => (long)c!["offerId"]! == offerId)!["code"]!;
        });
        return codes;
    }

    [Fact]
    public async Task FiftyRedemptionsOfOneCodeInOnePosTransactionRedeemItOnce()
    {
        var customers = await factory.CustomersAsync(_api);
        for (var round = 0; round < 5; round++)
        {
            var offerId = await _api.ActiveOfferAsync("""{ "anyoneCanRedeem": false, "customerLimit": 5 }""");
            var holder = customers[round];
            var code = await _api.IssueAsync(offerId, holder);
            var body = RedemptionSetup.RedeemBody(code, holder, transactionId: $"POS-{round}-{ApiTestJson.Unique()}");

            var answers = await RaceAsync(50, _ => _api.RedeemAsync(body.DeepClone()));

            Assert.True(answers.Count(a => a.Status == HttpStatusCode.OK) == 1, $"Round {round}: {Describe(answers)}");
            Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a =>
            {
                Assert.Equal(HttpStatusCode.Conflict, a.Status);
                Assert.Equal("DUPLICATE_TRANSACTION", (string?)a.Body["code"]);
            });
            Assert.Equal(1, (int?)(await _api.CouponAsync(code))["redemptionCount"]);
        }
    }

    /// <summary>Starts every request, holds them at one gate, opens it, and collects each status and body.</summary>
    private static async Task<(HttpStatusCode Status, JsonNode Body)[]> RaceAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.Task;
            using var response = await send(i);
            return await response.ReadAsync();
        }).ToArray();
        gate.SetResult();
        return await Task.WhenAll(racers);
    }

    private static void AssertExactlyTenSucceeded((HttpStatusCode Status, JsonNode Body)[] answers, string refusalCode, int round)
    {
        var succeeded = answers.Count(a => a.Status == HttpStatusCode.OK);
        var refused = answers.Count(a => a.Status == HttpStatusCode.UnprocessableEntity && (string?)a.Body["code"] == refusalCode);
        Assert.True(succeeded == Limit && refused == answers.Length - Limit,
            $"Round {round}: expected {Limit} × 200 and {answers.Length - Limit} × 422 {refusalCode}; got {Describe(answers)}");
        Assert.Equal(Limit, answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => (long?)a.Body["redemptionId"]).Distinct().Count());
    }

    private static int ActiveRedemptions(JsonNode coupon) => coupon["redemptions"]!.AsArray().Count(r => (bool)r!["active"]!);

    private static string Describe(IEnumerable<(HttpStatusCode Status, JsonNode Body)> answers) =>
        string.Join("; ", answers.GroupBy(a => $"{(int)a.Status} {(string?)a.Body["code"]}".Trim()).Select(g => $"{g.Count()} × {g.Key}"));
}
