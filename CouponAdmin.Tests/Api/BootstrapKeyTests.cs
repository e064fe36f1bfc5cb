using System.Net;
using CouponAdmin.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CouponAdmin.Tests.Api;

/// <summary>
/// The configured bootstrap key lives only as long as the configuration names it: removed or changed, the old key
/// stops working at the next start. Outside Development a short one stops the start.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BootstrapKeyTests
{
    private const string OtherKey = "another-bootstrap-key-abcdefghij";

    [Fact]
    public async Task ABootstrapKeyRemovedFromTheConfigurationIsRefusedAfterTheNextStart()
    {
        string folder;
        using (var first = new CouponAdminFactory { KeepDataFolder = true })
        {
            folder = first.DataFolder;
            using var api = first.CreateApiClient();
            await (await api.GetAsync("/api/v1/org")).ExpectAsync(HttpStatusCode.OK);
        }

        using var second = new CouponAdminFactory { DataFolder = folder, BootstrapKey = null };
        using var again = second.CreateApiClient(CouponAdminFactory.ApiKey);

        await (await again.GetAsync("/api/v1/org")).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task AChangedBootstrapKeyReplacesTheOldOneAtTheNextStart()
    {
        string folder;
        using (var first = new CouponAdminFactory { KeepDataFolder = true })
        {
            folder = first.DataFolder;
            using var api = first.CreateApiClient();
            await (await api.GetAsync("/api/v1/org")).ExpectAsync(HttpStatusCode.OK);
        }

        using var second = new CouponAdminFactory { DataFolder = folder, BootstrapKey = OtherKey };
        using var oldKey = second.CreateApiClient(CouponAdminFactory.ApiKey);
        using var newKey = second.CreateApiClient(OtherKey);

        await (await oldKey.GetAsync("/api/v1/org")).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await newKey.GetAsync("/api/v1/org")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ABootstrapKeyConfiguredAgainWorksAgain()
    {
        string folder;
        using (var first = new CouponAdminFactory { KeepDataFolder = true })
        {
            folder = first.DataFolder;
            first.CreateApiClient().Dispose();
        }

        using (var without = new CouponAdminFactory { DataFolder = folder, BootstrapKey = null, KeepDataFolder = true })
        {
            without.CreateApiClient().Dispose();
        }

        using var third = new CouponAdminFactory { DataFolder = folder };
        using var api = third.CreateApiClient();

        await (await api.GetAsync("/api/v1/org")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public void OutsideDevelopmentABootstrapKeyShorterThan24CharactersStopsTheStart()
    {
        using var factory = new CouponAdminFactory { BootstrapKey = "short-bootstrap-key" };

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = string.Join(" | ", Messages(failure));
        Assert.Contains("Api:BootstrapKey", message, StringComparison.Ordinal);
        Assert.Contains("24", message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-bootstrap-key", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopmentAShortBootstrapKeyIsAccepted()
    {
        using var factory = new DevelopmentFactory { BootstrapKey = "dev-bootstrap-key" };
        using var api = factory.CreateApiClient("dev-bootstrap-key");

        await (await api.GetAsync("/api/v1/org")).ExpectAsync(HttpStatusCode.OK);
    }

    private static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e.Message;
        }
    }

    private sealed class DevelopmentFactory : CouponAdminFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
