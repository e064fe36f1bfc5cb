using System.Net;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Api;

/// <summary>The health endpoints load balancers call: anonymous, no data in the answer, ready only with every migration applied.</summary>
[Collection(WebCollection.Name)]
public class HealthApiTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private readonly HttpClient _anonymous = factory.CreateApiClient(apiKey: null);

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task AnAnonymousCallIsHealthyAndSaysNothingMore(string path)
    {
        var response = await _anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADatabaseMissingAMigrationIsNotReadyButStillLive()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CouponDbContext>>().CreateDbContextAsync();
        var last = db.Database.GetMigrations().Last();
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {0}""", last);
        try
        {
            var ready = await _anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var live = await _anonymous.GetAsync(new Uri("/health/live", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({0}, '10.0.15')""", last);
        }
    }
}
