using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Uploads;

namespace CouponAdmin.Tests.Uploads;

/// <summary>The seed's four error scenarios of "Issue Multiple Coupon Codes to a Customer", from files through the upload job.</summary>
public sealed class SeedUploadScenarioTests : IAsyncLifetime
{
    private readonly UploadTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task MaxThreePerCustomerFourRowsIssueThreeTheSameFileAgainIssuesNoneAndOneRowIssuesNone()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(o => o.Issual.MaxPerCustomer = 3);
        var user = await _bed.Issuance.CustomerAsync();

        var first = await _bed.UploadAsync(UploadKind.Customers, offer.Id, UploadTestBed.CustomerRows(user, 4));
        var again = await _bed.UploadAsync(UploadKind.Customers, offer.Id, UploadTestBed.CustomerRows(user, 4));
        var once = await _bed.UploadAsync(UploadKind.Customers, offer.Id, UploadTestBed.CustomerRows(user, 1));

        AssertCounts(first, UploadStatus.CompletedWithIssues, succeeded: 3, failed: 1);
        var firstIssues = await _bed.IssuesAsync(first.Id);
        Assert.Equal(5, Assert.Single(firstIssues).Row);
        Assert.Equal(ErrorCodes.MaxIssualsPerCustomerExceeded, firstIssues[0].Error);
        AssertCounts(again, UploadStatus.CompletedWithIssues, succeeded: 0, failed: 4);
        Assert.Equal([2, 3, 4, 5], (await _bed.IssuesAsync(again.Id)).Select(i => i.Row));
        Assert.All(await _bed.IssuesAsync(again.Id), i => Assert.Equal(ErrorCodes.MaxIssualsPerCustomerExceeded, i.Error));
        AssertCounts(once, UploadStatus.CompletedWithIssues, succeeded: 0, failed: 1);
        Assert.Equal(3, (await _bed.Issuance.CouponsAsync(offer.Id)).Count);
        Assert.Equal(3, await _bed.Issuance.IssuedCountAsync(offer.Id));
    }

    [Fact]
    public async Task AOneDayGapLetsOnlyTheFirstOfFourRowsThrough()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(o =>
        {
            o.Issual.MaxPerCustomer = 3;
            o.Issual.MinGapDays = 1;
        });
        var user = await _bed.Issuance.CustomerAsync();

        var upload = await _bed.UploadAsync(UploadKind.Customers, offer.Id, UploadTestBed.CustomerRows(user, 4));

        AssertCounts(upload, UploadStatus.CompletedWithIssues, succeeded: 1, failed: 3);
        Assert.All(await _bed.IssuesAsync(upload.Id), i => Assert.Equal(ErrorCodes.MinIssualGapNotMet, i.Error));
        Assert.Single(await _bed.Issuance.CouponsAsync(offer.Id));
    }

    [Fact]
    public async Task ASeriesLimitOfTwoIssuesTwoOfFourRows()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(o =>
        {
            o.Issual.MaxPerCustomer = null;
            o.Issual.TotalLimit = 2;
        });
        var user = await _bed.Issuance.CustomerAsync();

        var upload = await _bed.UploadAsync(UploadKind.Customers, offer.Id, UploadTestBed.CustomerRows(user, 4));

        AssertCounts(upload, UploadStatus.CompletedWithIssues, succeeded: 2, failed: 2);
        var issues = await _bed.IssuesAsync(upload.Id);
        Assert.Equal([4, 5], issues.Select(i => i.Row));
        Assert.All(issues, i => Assert.Equal(ErrorCodes.SeriesIssualLimitExceeded, i.Error));
        Assert.Equal(2, await _bed.Issuance.IssuedCountAsync(offer.Id));
    }

    [Fact]
    public async Task AGenericCodeGoesOnceToACustomerAndTheSameFileAgainIsRefusedEntirely()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.Common;
            o.Coupon.Generation.CommonCode = "SEEDGENERIC";
            o.Issual.MaxPerCustomer = null;
        });
        var user = await _bed.Issuance.CustomerAsync();

        var first = await _bed.UploadAsync(UploadKind.Customers, offer.Id, UploadTestBed.CustomerRows(user, 4));
        var again = await _bed.UploadAsync(UploadKind.Customers, offer.Id, UploadTestBed.CustomerRows(user, 4));

        AssertCounts(first, UploadStatus.CompletedWithIssues, succeeded: 1, failed: 3);
        Assert.All(await _bed.IssuesAsync(first.Id), i => Assert.Equal(ErrorCodes.GenericAlreadyIssued, i.Error));
        AssertCounts(again, UploadStatus.CompletedWithIssues, succeeded: 0, failed: 4);
        Assert.Single(await _bed.Issuance.CouponsAsync(offer.Id));
    }

    private static void AssertCounts(Upload upload, UploadStatus status, int succeeded, int failed)
    {
        Assert.Equal(status, upload.Status);
        Assert.Equal(succeeded + failed, upload.TotalRows);
        Assert.Equal(succeeded + failed, upload.ProcessedRows);
        Assert.Equal(succeeded, upload.SucceededRows);
        Assert.Equal(failed, upload.FailedRows);
    }
}
