using System.Text;
using Bunit;
using CouponAdmin.Components.Pages.Incentives;
using CouponAdmin.Core.Uploads;
using CouponAdmin.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Components;

/// <summary>The offer's uploads page: which files the offer takes (Core's rule), and its uploads with progress and downloads.</summary>
public sealed class OfferUploadsPageTests : PageTestContext
{
    private readonly string _folder = Directory.CreateTempSubdirectory("couponadmin-upload-page-").FullName;

    public OfferUploadsPageTests()
    {
        AddAuthorization().SetAuthorized("ops@demo.local").SetRoles("Ops");
        Services.AddSingleton(new UploadStore(new UploadOptions(_folder)));
        Services.AddSingleton<UploadQueries>();
        Services.AddSingleton<StartUpload>();
        Services.AddSingleton<IBackgroundJobClient, RecordingJobs>();
        Services.AddSingleton<UploadQueue>();
    }

    [Fact]
    public async Task ARandomizedCommonOfferSaysWhyItTakesNoCustomerFile()
    {
        await SeedDemoAsync();
        var id = await OfferIdAsync("Flat ₹250 on ₹2,000 — South stores");

        var page = RenderPage<OfferUploads>(p => p.Add(x => x.OfferId, id));

        page.WaitForAssertion(() =>
        {
            Assert.Contains("randomized common", page.Find("#refused-kinds").TextContent);
            Assert.Contains("Upload customers (issue coupons)", page.Find("#refused-kinds").TextContent);
        }, LoadTimeout);
    }

    [Fact]
    public async Task AFinishedUploadShowsItsCountsStatusAndDownloads()
    {
        await SeedDemoAsync();
        var id = await OfferIdAsync("Welcome 10% off");
        var store = Services.GetRequiredService<UploadStore>();
        var started = await Services.GetRequiredService<StartUpload>().ExecuteAsync(new StartUploadRequest(UploadKind.Customers, id, "three.csv",
            new MemoryStream(Encoding.UTF8.GetBytes("identifierType,identifier\nuserId,1001\nuserId,1001\nmobile,12\n"))), "ops@demo.local");
        Assert.True(started.IsSuccess, started.Error?.Message);
        await new RunUpload(Database, store, new UploadProcessors(), TimeProvider.System).ExecuteAsync(started.Value!.Id);

        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("kind", "customers"));
        var page = RenderPage<OfferUploads>(p => p.Add(x => x.OfferId, id));

        page.WaitForAssertion(() =>
        {
            var row = page.Find("#upload-table tbody tr");
            Assert.Equal("CompletedWithIssues", row.QuerySelector(".upload-status")!.GetAttribute("data-status"));
            Assert.Equal("1", row.QuerySelector(".upload-succeeded")!.TextContent.Trim());
            Assert.Equal("2", row.QuerySelector(".upload-failed")!.TextContent.Trim());
            Assert.Equal($"/downloads/uploads/{started.Value.Id}/issues.csv", row.QuerySelector(".download-issues")!.GetAttribute("href"));
            Assert.NotNull(row.QuerySelector(".download-issued"));
        }, LoadTimeout);
        Assert.Contains("identifierType,identifier[,count]", page.Find(".upload-header").TextContent);
    }

    [Fact]
    public async Task AFileSubmittedThroughTheFormIsQueuedAndAppearsInTheListAtOnce()
    {
        await SeedDemoAsync();
        var id = await OfferIdAsync("Welcome 10% off");
        var page = RenderPage<OfferUploads>(p => p.Add(x => x.OfferId, id));
        page.WaitForAssertion(() => Assert.Contains("No uploads yet.", page.Find("#upload-table").TextContent), LoadTimeout);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("identifierType,identifier\nuserId,1001\n", "one.csv"));
        page.WaitForAssertion(() => Assert.Equal("one.csv", page.Find("#chosen-file").TextContent.Trim()), LoadTimeout);
        page.Find("#proceed-upload").Click();

        page.WaitForAssertion(() =>
        {
            var row = page.Find("#upload-table tbody tr");
            Assert.Equal("Queued", row.QuerySelector(".upload-status")!.GetAttribute("data-status"));
            Assert.Contains("one.csv", row.TextContent);
        }, LoadTimeout);
        var job = Assert.Single(((RecordingJobs)Services.GetRequiredService<IBackgroundJobClient>()).Created);
        Assert.Equal(typeof(UploadJob), job.Type);
    }

    private async Task<long> OfferIdAsync(string name)
    {
        await using var db = Database.CreateDbContext();
        return await db.Offers.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>Records queued jobs instead of running them: these tests drive the runner themselves.</summary>
    private sealed class RecordingJobs : IBackgroundJobClient
    {
        public List<Job> Created { get; } = [];

        public string Create(Job job, IState state)
        {
            Created.Add(job);
            return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
