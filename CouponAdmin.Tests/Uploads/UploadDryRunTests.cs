using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Uploads;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Uploads;

/// <summary>
/// A dry run reports exactly the issues the real run of the same file would report — across chunks, so a customer's
/// fourth row in a later chunk still sees the three before it — and changes nothing: no coupon, counter or code taken.
/// </summary>
public sealed class UploadDryRunTests : IAsyncLifetime
{
    private const int ChunkSize = 2;

    private readonly UploadTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task ADryRunOverSeveralChunksReportsWhatTheRealRunThenReportsAndChangesNothing()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(o =>
        {
            o.Issual.MaxPerCustomer = 3;
            o.Issual.TotalLimit = 7;
        });
        var (a, b, c) = (await _bed.Issuance.CustomerAsync(), await _bed.Issuance.CustomerAsync(), await _bed.Issuance.CustomerAsync());
        Assert.True((await _bed.Issuance.IssueAsync(offer.Id, b)).IsSuccess, "b starts with one coupon");
        long[] order = [a, b, a, c, a, b, a, c, b, a, c, c];
        var csv = "identifierType,identifier\n" + string.Concat(order.Select(id => $"userId,{id}\n"));
        var before = await StateAsync(offer.Id);

        var dry = await _bed.UploadAsync(UploadKind.Customers, offer.Id, csv, dryRun: true, options: new UploadRunOptions(ChunkSize));

        Assert.Equal(before, await StateAsync(offer.Id));
        Assert.Equal("row,identifier,code\r\n", await _bed.SuccessCsvAsync(dry.Id));

        var real = await _bed.UploadAsync(UploadKind.Customers, offer.Id, csv, options: new UploadRunOptions(ChunkSize));

        var realIssues = Render(await _bed.IssuesAsync(real.Id));
        Assert.Equal(Render(await _bed.IssuesAsync(dry.Id)), realIssues);
        Assert.Equal((real.Status, real.TotalRows, real.ProcessedRows, real.SucceededRows, real.FailedRows),
            (dry.Status, dry.TotalRows, dry.ProcessedRows, dry.SucceededRows, dry.FailedRows));

        // The real run shows what the dry run had to predict: a's 4th row (chunk 3) and 5th (chunk 4), b's 4th coupon, and the
        // series limit reached in chunk 2.
        Assert.Equal(
            ["8:MAX_ISSUALS_PER_CUSTOMER_EXCEEDED", "9:SERIES_ISSUAL_LIMIT_EXCEEDED", "10:MAX_ISSUALS_PER_CUSTOMER_EXCEEDED",
             "11:MAX_ISSUALS_PER_CUSTOMER_EXCEEDED", "12:SERIES_ISSUAL_LIMIT_EXCEEDED", "13:SERIES_ISSUAL_LIMIT_EXCEEDED"],
            realIssues.Select(i => i[..i.IndexOf(':', i.IndexOf(':') + 1)]));
    }

    [Fact]
    public async Task ADryRunOfAnUploadedPoolReportsTheRowsTheCodesWouldNotCoverAndTakesNoCode()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(o => o.Coupon.Generation.Method = GenerationMethod.Uploaded);
        await _bed.Issuance.AddUnissuedCodesAsync(offer.Id, "POOL-1", "POOL-2", "POOL-3");
        var customers = await _bed.Issuance.CustomersAsync(5);
        var csv = "identifierType,identifier\n" + string.Concat(customers.Select(id => $"userId,{id}\n"));
        var before = await StateAsync(offer.Id);

        var dry = await _bed.UploadAsync(UploadKind.Customers, offer.Id, csv, dryRun: true, options: new UploadRunOptions(ChunkSize));

        Assert.Equal(before, await StateAsync(offer.Id));
        var real = await _bed.UploadAsync(UploadKind.Customers, offer.Id, csv, options: new UploadRunOptions(ChunkSize));
        var realIssues = Render(await _bed.IssuesAsync(real.Id));
        Assert.Equal(Render(await _bed.IssuesAsync(dry.Id)), realIssues);
        Assert.Equal(["5:", "6:"], realIssues.Select(i => i[..(i.IndexOf(':') + 1)]));
        Assert.All(realIssues, i => Assert.Contains(":NO_CODES_AVAILABLE:", i, StringComparison.Ordinal));
        Assert.Equal(3, (await _bed.Issuance.CouponsAsync(offer.Id)).Count(c => c.CustomerId is not null));
    }

    [Fact]
    public async Task ADryRunCutShortAndResumedStillReportsWhatTheRealRunReports()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(o => o.Issual.MaxPerCustomer = 2);
        var user = await _bed.Issuance.CustomerAsync();
        var csv = UploadTestBed.CustomerRows(user, 6);
        var dry = await _bed.StartAsync(UploadKind.Customers, offer.Id, csv, dryRun: true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _bed.Runner.ExecuteAsync(dry.Id, new UploadRunOptions(ChunkSize, chunk =>
        {
            if (chunk == 1)
            {
                throw new InvalidOperationException("Simulated crash.");
            }
        })));
        var resumed = await _bed.Runner.ExecuteAsync(dry.Id, new UploadRunOptions(ChunkSize));
        var real = await _bed.UploadAsync(UploadKind.Customers, offer.Id, csv, options: new UploadRunOptions(ChunkSize));

        Assert.Equal(Render(await _bed.IssuesAsync(real.Id)), Render(await _bed.IssuesAsync(resumed.Id)));
        Assert.Equal((real.SucceededRows, real.FailedRows), (resumed.SucceededRows, resumed.FailedRows));
        Assert.Equal(2, (await _bed.Issuance.CouponsAsync(offer.Id)).Count);
    }

    private static List<string> Render(IEnumerable<UploadIssue> issues) =>
        [.. issues.Select(i => $"{i.Row}:{i.Error}:{i.Identifier}:{i.Code}:{i.Message}")];

    /// <summary>What issuing changes for an offer: its coupons, counters, per-customer counts and the next code index.</summary>
    private Task<string> StateAsync(long offerId) => _bed.Issuance.QueryAsync(async db =>
    {
        var coupons = await db.Coupons.AsNoTracking().Where(c => c.OfferId == offerId).OrderBy(c => c.Id)
            .Select(c => $"{c.Code}:{c.CustomerId}:{c.Status}").ToListAsync();
        var counter = await db.OfferCounters.AsNoTracking().Where(c => c.OfferId == offerId).Select(c => c.IssuedCount).ToListAsync();
        var customers = await db.CustomerIssuals.AsNoTracking().Where(c => c.OfferId == offerId).OrderBy(c => c.CustomerId)
            .Select(c => $"{c.CustomerId}:{c.Count}:{c.LastIssuedAt}").ToListAsync();
        var spaces = await db.CodeSpaces.AsNoTracking().OrderBy(s => s.Id).Select(s => s.NextCodeIndex).ToListAsync();
        return $"coupons[{string.Join(' ', coupons)}] counter[{string.Join(' ', counter)}] customers[{string.Join(' ', customers)}] spaces[{string.Join(' ', spaces)}]";
    });
}
