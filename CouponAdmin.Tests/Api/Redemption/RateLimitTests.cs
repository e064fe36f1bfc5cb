using System.Net;
using CouponAdmin.Core.Access;
using CouponAdmin.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Api.Redemption;

/// <summary>The host with the POS limit turned down to 5 redeem or validate calls a second per key.</summary>
public sealed class FivePerSecondFactory : CouponAdminFactory
{
    public const int PermitsPerSecond = 5;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:PosPermitsPerSecond", PermitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Redeem and validate are rate limited per API key: 429 RATE_LIMITED with Retry-After, and one key's burst costs no other key.</summary>
[Collection(WebCollection.Name)]
public sealed class RateLimitTests(FivePerSecondFactory factory) : IClassFixture<FivePerSecondFactory>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task TwentyQuickValidationsWithOneKeyAreCutOffWithRateLimitedAndRetryAfter()
    {
        var body = await ValidBodyAsync();
        using var pos = factory.CreateApiClient(await KeyAsync());

        var responses = await BurstAsync(pos, body.ToJsonString(), 20);
        try
        {
            var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            var answered = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
            Assert.True(limited.Count > 0, "None of 20 quick calls was limited.");
            // However the burst straddles a window boundary, no more than two windows' permits get through.
            Assert.InRange(answered, 1, 2 * FivePerSecondFactory.PermitsPerSecond);
            Assert.Equal(responses.Length, answered + limited.Count);
            foreach (var response in limited)
            {
                var problem = await response.ExpectProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
                Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
                var retryAfter = response.Headers.RetryAfter?.Delta;
                Assert.True(retryAfter >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task AnotherKeyIsNotLimitedByTheFirstKeysBurst()
    {
        var body = (await ValidBodyAsync()).ToJsonString();
        using var busy = factory.CreateApiClient(await KeyAsync());
        using var quiet = factory.CreateApiClient(await KeyAsync());

        // Both in the same instant: the busy key's 20 and the quiet key's 5 (its whole allowance).
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var busyCalls = Enumerable.Range(0, 20).Select(async _ => { await gate.Task; return await busy.PostRawAsync("/api/v1/coupons/validate", body); }).ToArray();
        var quietCalls = Enumerable.Range(0, FivePerSecondFactory.PermitsPerSecond)
            .Select(async _ => { await gate.Task; return await quiet.PostRawAsync("/api/v1/coupons/validate", body); }).ToArray();
        gate.SetResult();
        var busyAnswers = await Task.WhenAll(busyCalls);
        var quietAnswers = await Task.WhenAll(quietCalls);

        Assert.Contains(busyAnswers, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.All(quietAnswers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in busyAnswers.Concat(quietAnswers))
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task TheSameKeyWithWhitespaceAroundItSharesOneBucket()
    {
        var body = (await ValidBodyAsync()).ToJsonString();
        var key = await KeyAsync();
        // Spaces, no-break spaces and vertical tabs, before or after: 20 spellings of one key, each sent once.
        char[] blanks = [' ', '\u00A0', '\x0b', '\t'];
        var spellings = Enumerable.Range(1, 20)
            .Select(i => i % 2 == 0 ? key + new string(blanks[i % blanks.Length], i) : new string(blanks[i % blanks.Length], i) + key)
            .ToList();

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = spellings.Select(async spelling =>
        {
            await gate.Task;
            using var client = factory.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/coupons/validate")
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            Assert.True(request.Headers.TryAddWithoutValidation("X-Api-Key", spelling));
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }).ToArray();
        gate.SetResult();
        var statuses = await Task.WhenAll(calls);

        // Every spelling is the same key (never 401), and they all draw on its one allowance.
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 1, 2 * FivePerSecondFactory.PermitsPerSecond);
    }

    private static async Task<HttpResponseMessage[]> BurstAsync(HttpClient client, string body, int count)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count).Select(async _ => { await gate.Task; return await client.PostRawAsync("/api/v1/coupons/validate", body); }).ToArray();
        gate.SetResult();
        return await Task.WhenAll(calls);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> ValidBodyAsync()
    {
        await _api.UseIndianOrgAsync();
        var offerId = await _api.ActiveOfferAsync("""{ "anyoneCanRedeem": false, "customerLimit": 1 }""");
        var holder = await _api.CreateCustomerAsync();
        return RedemptionSetup.RedeemBody(await _api.IssueAsync(offerId, holder), holder);
    }

    private async Task<string> KeyAsync() =>
        (await factory.Services.GetRequiredService<ApiKeyService>().CreateAsync($"POS {ApiTestJson.Unique()}", [ApiScopes.Redeem])).Value;
}
