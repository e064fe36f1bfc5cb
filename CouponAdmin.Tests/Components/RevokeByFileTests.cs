using Bunit;
using CouponAdmin.Components.Pages.Incentives;
using CouponAdmin.Core.Access;
using CouponAdmin.Core.Uploads;
using CouponAdmin.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Components;

/// <summary>
/// A file of customers whose coupons are revoked is a revocation as well as an upload: on an offer's uploads page it
/// is offered only to roles that hold both permissions, and the others are told why.
/// </summary>
public sealed class RevokeByFileTests : PageTestContext
{
    private readonly string _folder = Directory.CreateTempSubdirectory("couponadmin-revoke-file-").FullName;

    public static TheoryData<string> Uploaders => [.. Roles.For(Permission.UploadOfferFiles)];

    [Theory]
    [MemberData(nameof(Uploaders))]
    public async Task RevokingByFileIsOfferedOnlyToRolesThatMayRevoke(string role)
    {
        AddAuthorization().SetAuthorized($"{role.ToLowerInvariant()}@shop.example").SetRoles(role);
        Services.AddSingleton(new UploadStore(new UploadOptions(_folder)));
        Services.AddSingleton<StartUpload>();
        Services.AddSingleton<UploadQueries>();
        // Rendering queues nothing. A real storage here would log through Hangfire's global log provider, which the web-host
        // tests of this process set to their own logger factories and dispose with them.
        Services.AddSingleton<IBackgroundJobClient>(new NoJobsClient());
        Services.AddSingleton<UploadQueue>();
        await SeedDemoAsync();
        await using var db = Database.CreateDbContext();
        var id = await db.Offers.Where(o => o.Name == "Welcome 10% off").Select(o => o.Id).SingleAsync();

        var page = RenderPage<OfferUploads>(p => p.Add(x => x.OfferId, id));

        page.WaitForAssertion(() => page.Find("#upload-kind"), LoadTimeout);
        var refused = page.FindAll("#refused-kinds").SingleOrDefault()?.TextContent ?? "";
        Assert.Equal(!Roles.Allow(Permission.RevokeOfferCoupons, [role]),
            refused.Contains("Revoke coupons of customers: revoking coupons needs a role that may revoke (Admin, Support).", StringComparison.Ordinal));
    }
}

/// <summary>A job client for pages that are only rendered: asking it to queue a job fails the test.</summary>
internal sealed class NoJobsClient : IBackgroundJobClient
{
    public string Create(Hangfire.Common.Job job, Hangfire.States.IState state) =>
        throw new InvalidOperationException($"This test queues no job, but {job.Method.Name} was queued.");

    public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) =>
        throw new InvalidOperationException("This test changes no job.");
}
