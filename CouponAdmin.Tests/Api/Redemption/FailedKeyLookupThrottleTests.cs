using System.Net;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api.Redemption;

/// <summary>
/// Guessing keys is throttled per client address: after a run of unknown keys the address gets 429 RATE_LIMITED
/// with Retry-After instead of another look-up. Its own host, so the blocked address blocks no other test.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FailedKeyLookupThrottleTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    [Fact]
    public async Task ManyUnknownKeysFromOneClientAreCutOffWithRateLimited()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 500 && limited is null; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/offers");
            request.Headers.Add("X-Api-Key", $"ca_guess_{i:D4}_{ApiTestJson.Unique()}");
            var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            // The run starts with plain 401s: the throttle answers only once the address has failed many times.
            Assert.All(statuses.SkipLast(1), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
            Assert.True(statuses.Count > 10, $"Cut off after {statuses.Count} calls.");
            var problem = await limited.ExpectProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
            Assert.Contains("API key", (string?)problem["detail"], StringComparison.Ordinal);
            Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited.Headers.RetryAfter}");
        }
    }
}
