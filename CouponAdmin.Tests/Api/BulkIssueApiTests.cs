using System.Net;
using System.Text.Json.Nodes;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api;

[Collection(WebCollection.Name)]
public class BulkIssueApiTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task ABulkIssuanceIsQueuedThenRunByTheJobServerUntilEveryCustomerHasACoupon()
    {
        for (var i = 0; i < 25; i++)
        {
            await (await _api.PostRawAsync("/api/v1/customers", """{ "name": "Bulk customer" }""")).ExpectAsync(HttpStatusCode.Created);
        }

        var offer = JsonNode.Parse($$"""
            { "name": "Bulk {{ApiTestJson.Unique()}}", "discount": { "type": "percentage", "value": 5 },
              "coupon": { "generation": { "method": "randomizedCommon", "sampleCode": "BAPI{{ApiTestJson.Unique()[..1]}}1234" } } }
            """)!;
        var id = await _api.CreateOfferAsync(offer);
        await (await _api.PostAsync($"/api/v1/offers/{id}/activate", null)).ExpectAsync(HttpStatusCode.OK);

        var queued = await (await _api.PostRawAsync($"/api/v1/offers/{id}/bulk-issue", "{}")).ExpectAsync(HttpStatusCode.Accepted);
        var runId = queued["runId"]!.GetValue<long>();

        var run = await WaitForFinishAsync(runId);
        Assert.Equal("completed", run["status"]!.GetValue<string>());
        var customers = run["considered"]!.GetValue<long>();
        Assert.True(customers >= 25, $"expected at least the 25 new customers, saw {customers}");
        Assert.Equal(customers, run["issued"]!.GetValue<long>());
    }

    [Fact]
    public async Task ABulkIssuanceOfADraftOfferIsRefused()
    {
        var id = await _api.CreateOfferAsync(OfferBodies.Minimal($"Draft bulk {ApiTestJson.Unique()}"));

        await (await _api.PostRawAsync($"/api/v1/offers/{id}/bulk-issue", "{}")).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "OFFER_NOT_ACTIVE");
    }

    private async Task<JsonNode> WaitForFinishAsync(long runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var run = await (await _api.GetAsync($"/api/v1/bulk-issues/{runId}")).ExpectAsync(HttpStatusCode.OK);
            if (run["status"]!.GetValue<string>() is "completed" or "failed" || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(200);
        }
    }
}
