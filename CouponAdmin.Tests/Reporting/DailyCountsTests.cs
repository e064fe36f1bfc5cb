using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Reporting;
using CouponAdmin.Core.Revocation;
using CouponAdmin.Core.Uploads;
using CouponAdmin.Tests.Redemption;

namespace CouponAdmin.Tests.Reporting;

/// <summary>
/// Every path that issues, redeems, reverses or revokes counts its day as it writes, so the dashboard and an offer's
/// figures read a handful of rows: single, bulk and upload issuance, redemption and reversal, and revocation.
/// </summary>
public sealed class DailyCountsTests : IAsyncLifetime
{
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task EachWritePathCountsOnTheOrgsDayAndTheDashboardAndOfferFiguresAddThemUp()
    {
        var offer = await _bed.ActiveOfferAsync(o => { o.Redemption.CustomerLimit = 5; o.Issual.TotalLimit = 100; });
        var customers = await _bed.Issuance.CustomersAsync(6);
        var single = await _bed.IssuedCodeAsync(offer.Id, customers[0]);
        var bulk = new BulkIssue(_bed.Database, _bed.Clock);
        await bulk.RunAsync((await bulk.StartAsync(new BulkIssueRequest(offer.Id), RedemptionTestBed.Actor)).Value!.Id);
        await UploadAsync(offer.Id, $"identifierType,identifier\nuserId,{customers[1]}\nuserId,{customers[2]}\n");
        var first = await _bed.RedeemAsync(single, customers[0]);
        await _bed.RedeemAsync(single, customers[0]);
        await _bed.Reverser.ExecuteAsync(first.Value!.RedemptionId!.Value, RedemptionTestBed.Actor);
        await new RevokeCoupon(_bed.Database, _bed.Clock, _bed.Queries).ExecuteAsync(new((await _bed.Issuance.CouponsAsync(offer.Id))[^1].Code), RedemptionTestBed.Actor);

        var dashboard = await new Dashboard(_bed.Database, _bed.Clock).GetAsync();
        var figures = (await new OfferFigures(_bed.Database, _bed.Clock).GetAsync(offer.Id)).Value!;

        // 1 single + 6 bulk (one per customer) + 2 uploaded = 9 issued; 2 redemptions, 1 reversed = 1 in force; 1 revoked.
        Assert.Equal(new PeriodFigures(9, 1, 1), dashboard.Today);
        Assert.Equal(dashboard.Today, dashboard.Last30Days);
        Assert.Equal(30, dashboard.Days.Count);
        Assert.Equal(new DateOnly(2025, 11, 12), dashboard.Days[^1].Day);
        Assert.Equal(new DayFigures(new DateOnly(2025, 11, 12), 9, 2, 1, 1), dashboard.Days[^1]);
        Assert.Equal(1, dashboard.ActiveOffers);
        Assert.Equal(new PeriodFigures(9, 1, 1), figures.Total);
        var issual = figures.Limits.Single(l => l.Name == "Issual limit");
        Assert.Equal((9L, 100L, 91L), (issual.Used, issual.Limit!.Value, issual.Remaining!.Value));
        Assert.Contains(figures.Limits, l => l.Name == "Code capacity" && l.Used == 9);
    }

    [Fact]
    public async Task ADayEndsAtMidnightInTheOrgsTimeZoneNotUtc()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 1);
        var customer = await _bed.CustomerAsync();
        // 2025-11-12 23:50 in Kolkata is still 18:20 UTC on the same date; 00:10 the next local day is 18:40 UTC on the 12th.
        _bed.Clock.SetUtcNow(new DateTimeOffset(2025, 11, 12, 18, 20, 0, TimeSpan.Zero));
        await _bed.IssuedCodeAsync(offer.Id, customer);
        _bed.Clock.SetUtcNow(new DateTimeOffset(2025, 11, 12, 18, 40, 0, TimeSpan.Zero));
        await _bed.IssuedCodeAsync(offer.Id, await _bed.CustomerAsync());

        var days = (await new Dashboard(_bed.Database, _bed.Clock).GetAsync()).Days;

        Assert.Equal((new DateOnly(2025, 11, 12), 1L), (days[^2].Day, days[^2].Issued));
        Assert.Equal((new DateOnly(2025, 11, 13), 1L), (days[^1].Day, days[^1].Issued));
    }

    private async Task UploadAsync(long offerId, string csv)
    {
        var folder = Directory.CreateTempSubdirectory("couponadmin-counts-");
        try
        {
            var store = new UploadStore(new UploadOptions(folder.FullName, UploadOptions.DefaultMaxFileBytes));
            var started = await new StartUpload(_bed.Database, store, _bed.Clock).ExecuteAsync(
                new StartUploadRequest(UploadKind.Customers, offerId, "rows.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), false), RedemptionTestBed.Actor);
            var done = await new RunUpload(_bed.Database, store, new UploadProcessors(), _bed.Clock).ExecuteAsync(started.Value!.Id);
            Assert.Equal(UploadStatus.Completed, done.Status);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
