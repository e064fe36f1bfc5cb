using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Uploads;

namespace CouponAdmin.Tests.Uploads;

/// <summary>
/// Jobs (docs/architecture.md, "Data paths"): each chunk's coupons and checkpoint commit together, so a job killed or cancelled mid-file and run
/// again ends exactly where an uninterrupted run ends — nothing issued twice, nothing lost. The offer limits customers
/// to two coupons and the series to nine, so a row applied twice would show in the counts.
/// </summary>
public sealed class UploadResumeTests : IAsyncLifetime
{
    private const int ChunkSize = 3;

    private readonly UploadTestBed _bed = new();
    private List<long> _customers = [];
    private string _csv = "";

    public async Task InitializeAsync()
    {
        await _bed.InitializeAsync();
        _customers = await _bed.Issuance.CustomersAsync(5);
        var (a, b, c, d, e) = (_customers[0], _customers[1], _customers[2], _customers[3], _customers[4]);

        // 17 data rows (file rows 2..18) in 6 chunks of 3; customers' rows spread over chunks; one bad and one unknown row.
        long[] order = [a, b, a, c, a, d, b, e, c, a, 0, b, d, 999_999_999, e, c, d];
        _csv = "identifierType,identifier\n" + string.Concat(order.Select(id => id == 0 ? "userId,not-a-number\n" : $"userId,{id}\n"));
    }

    public Task DisposeAsync() => _bed.DisposeAsync();

    private Task<Offer> OfferAsync() => _bed.Issuance.ActiveOfferAsync(o =>
    {
        o.Issual.MaxPerCustomer = 2;
        o.Issual.TotalLimit = 9;
    });

    /// <summary>The same file run without interruption on a fresh offer: what every interrupted run must end with.</summary>
    private async Task<UploadOutcome> UninterruptedAsync()
    {
        var offer = await OfferAsync();
        var upload = await _bed.UploadAsync(UploadKind.Customers, offer.Id, _csv, options: new UploadRunOptions(ChunkSize));
        var outcome = await _bed.OutcomeAsync(offer.Id, upload.Id);

        // The reference itself shows the rules at work: 9 coupons (series limit), nobody above 2.
        Assert.Equal(9, outcome.IssuedCount);
        Assert.Contains("MAX_ISSUALS_PER_CUSTOMER_EXCEEDED", outcome.Issues, StringComparison.Ordinal);
        Assert.Contains("SERIES_ISSUAL_LIMIT_EXCEEDED", outcome.Issues, StringComparison.Ordinal);
        Assert.Contains("INVALID_CUSTOMER_IDENTIFIER", outcome.Issues, StringComparison.Ordinal);
        Assert.Contains("CUSTOMER_NOT_FOUND", outcome.Issues, StringComparison.Ordinal);
        return outcome;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task AFaultBeforeAChunkCommitsThenARerunEndsAsAnUninterruptedRun(int failingChunk)
    {
        var expected = await UninterruptedAsync();
        var offer = await OfferAsync();
        var upload = await _bed.StartAsync(UploadKind.Customers, offer.Id, _csv);

        await Assert.ThrowsAsync<SimulatedCrash>(() => _bed.Runner.ExecuteAsync(upload.Id, new UploadRunOptions(ChunkSize, chunk =>
        {
            if (chunk == failingChunk)
            {
                throw new SimulatedCrash();
            }
        })));

        // The failing chunk's coupons, issue rows and checkpoint were all taken back; the chunks before it stand.
        var cut = (await _bed.Queries.GetAsync(upload.Id))!;
        Assert.Equal(UploadStatus.Processing, cut.Status);
        Assert.Equal(failingChunk == 0 ? 0 : 1 + (failingChunk * ChunkSize), cut.LastCommittedRow);
        Assert.Equal(failingChunk * ChunkSize, cut.ProcessedRows);
        Assert.All(await _bed.IssuesAsync(upload.Id), i => Assert.True(i.Row <= cut.LastCommittedRow, $"issue row {i.Row} after the checkpoint"));
        var partial = await _bed.OutcomeAsync(offer.Id, upload.Id);
        Assert.Equal((await _bed.Issuance.CouponsAsync(offer.Id)).Count, partial.IssuedCount);

        var finished = await _bed.Runner.ExecuteAsync(upload.Id, new UploadRunOptions(ChunkSize));

        Assert.Equal(UploadStatus.CompletedWithIssues, finished.Status);
        AssertSame(expected, await _bed.OutcomeAsync(offer.Id, upload.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task ACancellationAfterAChunkCommitsThenARerunEndsAsAnUninterruptedRun(int committedChunk)
    {
        var expected = await UninterruptedAsync();
        var offer = await OfferAsync();
        var upload = await _bed.StartAsync(UploadKind.Customers, offer.Id, _csv);
        using var cancel = new CancellationTokenSource();

        // Cancelled while the next chunk is about to commit: chunk `committedChunk` is in, the next one is not.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _bed.Runner.ExecuteAsync(upload.Id, new UploadRunOptions(ChunkSize, chunk =>
        {
            if (chunk == committedChunk + 1)
            {
                cancel.Cancel();
            }
        }), cancel.Token));

        var cut = (await _bed.Queries.GetAsync(upload.Id))!;
        Assert.Equal(UploadStatus.Processing, cut.Status);
        Assert.Equal(1 + ((committedChunk + 1) * ChunkSize), cut.LastCommittedRow);

        var finished = await _bed.Runner.ExecuteAsync(upload.Id, new UploadRunOptions(ChunkSize));

        Assert.Equal(UploadStatus.CompletedWithIssues, finished.Status);
        AssertSame(expected, await _bed.OutcomeAsync(offer.Id, upload.Id));
    }

    [Fact]
    public async Task TwoCrashesInARowStillEndAsAnUninterruptedRun()
    {
        var expected = await UninterruptedAsync();
        var offer = await OfferAsync();
        var upload = await _bed.StartAsync(UploadKind.Customers, offer.Id, _csv);

        await Assert.ThrowsAsync<SimulatedCrash>(() => _bed.Runner.ExecuteAsync(upload.Id, new UploadRunOptions(ChunkSize, c => Crash(c == 1))));
        await Assert.ThrowsAsync<SimulatedCrash>(() => _bed.Runner.ExecuteAsync(upload.Id, new UploadRunOptions(ChunkSize, c => Crash(c == 2))));
        await _bed.Runner.ExecuteAsync(upload.Id, new UploadRunOptions(ChunkSize));

        AssertSame(expected, await _bed.OutcomeAsync(offer.Id, upload.Id));
    }

    [Fact]
    public async Task RunningAFinishedUploadAgainChangesNothing()
    {
        var offer = await OfferAsync();
        var upload = await _bed.UploadAsync(UploadKind.Customers, offer.Id, _csv, options: new UploadRunOptions(ChunkSize));
        var before = await _bed.OutcomeAsync(offer.Id, upload.Id);
        var finishedAt = upload.FinishedAt;

        var again = await _bed.Runner.ExecuteAsync(upload.Id, new UploadRunOptions(ChunkSize));
        var thirdTime = await _bed.Runner.ExecuteAsync(upload.Id);

        AssertSame(before, await _bed.OutcomeAsync(offer.Id, upload.Id));
        Assert.Equal(finishedAt, again.FinishedAt);
        Assert.Equal(finishedAt, thirdTime.FinishedAt);
    }

    [Fact]
    public async Task TwoRunsOfOneUploadAtOnceStillIssueEachRowOnce()
    {
        var expected = await UninterruptedAsync();
        var offer = await OfferAsync();
        var upload = await _bed.StartAsync(UploadKind.Customers, offer.Id, _csv);

        // E.g. the start-up requeue and a retry of the same job: every outcome but "each row applied once" is a bug.
        await Issuance.IssuanceTestBed.ReleasedTogetherAsync(2, async _ =>
        {
            return await _bed.Runner.ExecuteAsync(upload.Id, new UploadRunOptions(ChunkSize));
        });

        AssertSame(expected, await _bed.OutcomeAsync(offer.Id, upload.Id));
    }

    private static void Crash(bool now)
    {
        if (now)
        {
            throw new SimulatedCrash();
        }
    }

    private static void AssertSame(UploadOutcome expected, UploadOutcome actual)
    {
        Assert.Equal(expected.CouponCustomers, actual.CouponCustomers);
        Assert.Equal(expected.IssuedCount, actual.IssuedCount);
        Assert.Equal(expected.CustomerIssuals, actual.CustomerIssuals);
        Assert.Equal(expected.Issues, actual.Issues);
        Assert.Equal(expected.SuccessReport, actual.SuccessReport);
        Assert.Equal(expected.Counts, actual.Counts);
    }

    private sealed class SimulatedCrash() : Exception("Simulated crash before the chunk commits.");
}
