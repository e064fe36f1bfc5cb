using CouponAdmin.Core.Uploads;
using CouponAdmin.Tests.Api;
using CouponAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Uploads;

/// <summary>
/// Jobs (docs/architecture.md, "Data paths"): Hangfire's in-memory queue forgets jobs on restart, so at start-up the host queues every upload its
/// database still shows as queued or processing, and each resumes from its checkpoint.
/// </summary>
[Collection(WebCollection.Name)]
public class UploadRestartTests
{
    [Fact]
    public async Task UploadsLeftQueuedOrHalfProcessedAreRunToTheEndByTheNextHost()
    {
        string folder;
        long offer, queuedId, cutId, x, y, z;
        using (var first = new CouponAdminFactory { KeepDataFolder = true })
        {
            folder = first.DataFolder;
            using var api = first.CreateApiClient();
            offer = await api.ActiveOfferAsync("""{ "maxPerCustomer": 2 }""");
            (x, y, z) = (await api.CreateCustomerAsync(), await api.CreateCustomerAsync(), await api.CreateCustomerAsync());
            var start = first.Services.GetRequiredService<StartUpload>();

            // Written and saved, but its job never queued: as if the host stopped right after receiving the file.
            var queued = await StartAsync(start, offer, UploadsHttp.Rows(z, 3));
            queuedId = queued.Id;

            // Half done: the first chunk (rows 2-3) committed, the host died before the second chunk committed.
            var cut = await StartAsync(start, offer, $"identifierType,identifier\nuserId,{x}\nuserId,{x}\nuserId,{x}\nuserId,{y}\nuserId,{y}\nuserId,{y}\n");
            cutId = cut.Id;
            await Assert.ThrowsAsync<IOException>(() => first.Services.GetRequiredService<RunUpload>().ExecuteAsync(cutId, new UploadRunOptions(2, chunk =>
            {
                if (chunk == 1)
                {
                    throw new IOException("Simulated power cut.");
                }
            })));
            var state = await api.GetUploadAsync(cutId);
            Assert.Equal(("processing", 2), ((string?)state["status"], (int)state["processedRows"]!));
            Assert.Equal("queued", (string?)(await api.GetUploadAsync(queuedId))["status"]);
        }

        using var second = new CouponAdminFactory { DataFolder = folder };
        using var again = second.CreateApiClient();

        var resumed = await again.WaitForUploadAsync(cutId);
        var late = await again.WaitForUploadAsync(queuedId);

        UploadsHttp.AssertCounts(resumed, "completedWithIssues", succeeded: 4, failed: 2);
        Assert.Equal([("4", "MAX_ISSUALS_PER_CUSTOMER_EXCEEDED"), ("7", "MAX_ISSUALS_PER_CUSTOMER_EXCEEDED")],
            (await again.IssuesAsync(cutId)).Select(r => (r[0], r[3])));
        Assert.Equal(["2", "3", "5", "6"], (await again.IssuedAsync(cutId)).Select(r => r[0]));
        UploadsHttp.AssertCounts(late, "completedWithIssues", succeeded: 2, failed: 1);
        Assert.Equal(["2", "3"], (await again.IssuedAsync(queuedId)).Select(r => r[0]));
        foreach (var customer in new[] { x, y, z })
        {
            var coupons = await (await again.GetAsync($"/api/v1/customers/userId/{customer}/coupons")).ExpectAsync(System.Net.HttpStatusCode.OK);
            Assert.Equal(2, coupons.AsArray().Count(c => (long?)c!["offerId"] == offer));
        }
    }

    private static async Task<Upload> StartAsync(StartUpload start, long offerId, string csv)
    {
        var started = await start.ExecuteAsync(
            new StartUploadRequest(UploadKind.Customers, offerId, "restart.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv))), "restart-test");
        Assert.True(started.IsSuccess, started.Error?.Message);
        return started.Value!;
    }
}
