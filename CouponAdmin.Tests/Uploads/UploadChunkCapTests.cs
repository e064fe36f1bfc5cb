using CouponAdmin.Core.Uploads;

namespace CouponAdmin.Tests.Uploads;

/// <summary>
/// <c>Uploads:MaxChunkRows</c> (docs/operations.md) caps the rows one chunk commits below the kind's own chunk size
/// (50,000 for customers files): the file is taken in more, smaller transactions, with the same outcome.
/// </summary>
public sealed class UploadChunkCapTests : IAsyncLifetime
{
    private readonly UploadTestBed _bed = new() { MaxChunkRows = 2 };

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task ACapOfTwoRowsCommitsAFiveRowCustomersFileInThreeChunks()
    {
        var customers = await _bed.Issuance.CustomersAsync(5);
        var offer = await _bed.Issuance.ActiveOfferAsync(_ => { });
        var csv = "identifierType,identifier\n" + string.Concat(customers.Select(c => $"userId,{c}\n"));
        var chunks = new List<int>();

        var upload = await _bed.UploadAsync(UploadKind.Customers, offer.Id, csv, options: new UploadRunOptions(BeforeCommit: chunks.Add));

        Assert.Equal([0, 1, 2], chunks);
        Assert.Equal((UploadStatus.Completed, 5, 5, 6), (upload.Status, upload.ProcessedRows, upload.SucceededRows, upload.LastCommittedRow));
        Assert.Equal(5, (await _bed.Issuance.CouponsAsync(offer.Id)).Count);
    }

    [Fact]
    public void TheCapNeverRaisesAKindsOwnChunkSize()
    {
        Assert.Equal(2, new UploadOptions("unused", MaxChunkRows: 2).ChunkRows(50_000));
        Assert.Equal(500, new UploadOptions("unused", MaxChunkRows: 5_000).ChunkRows(500));
        Assert.Equal(50_000, new UploadOptions("unused").ChunkRows(50_000));
    }
}
