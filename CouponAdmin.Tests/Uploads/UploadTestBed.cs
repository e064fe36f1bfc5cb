using System.Text;
using CouponAdmin.Core.Uploads;
using CouponAdmin.Tests.Issuance;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Uploads;

/// <summary>What an upload did, part by part (see <see cref="UploadTestBed.OutcomeAsync"/>).</summary>
internal sealed record UploadOutcome(string CouponCustomers, long IssuedCount, string CustomerIssuals, string Issues, string SuccessReport, string Counts);

/// <summary>The issuance test world plus the upload use cases, with files kept in a temp folder.</summary>
internal sealed class UploadTestBed : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("couponadmin-uploads-").FullName;

    public IssuanceTestBed Issuance { get; } = new();

    public UploadStore Store => new(new UploadOptions(_folder, MaxFileBytes, MaxChunkRows));

    public long MaxFileBytes { get; set; } = UploadOptions.DefaultMaxFileBytes;

    /// <summary><c>Uploads:MaxChunkRows</c>: null leaves each kind its own chunk size.</summary>
    public int? MaxChunkRows { get; set; }

    public StartUpload Starter => new(Issuance.Database, Store, Issuance.Clock);

    public RunUpload Runner => new(Issuance.Database, Store, new UploadProcessors(), Issuance.Clock);

    public UploadQueries Queries => new(Issuance.Database, Store);

    public Task InitializeAsync() => Issuance.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Issuance.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A lingering handle only leaves a temp folder behind.
        }
    }

    public async Task<Upload> StartAsync(UploadKind kind, long? offerId, string csv, bool dryRun = false)
    {
        var started = await StartResultAsync(kind, offerId, csv, dryRun);
        Assert.True(started.IsSuccess, started.Error?.Message);
        return started.Value!;
    }

    public Task<Core.Common.Result<Upload>> StartResultAsync(UploadKind kind, long? offerId, string csv, bool dryRun = false) =>
        Starter.ExecuteAsync(new StartUploadRequest(kind, offerId, "rows.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), dryRun), IssuanceTestBed.Actor);

    /// <summary>Uploads a file and runs its job to the end.</summary>
    public async Task<Upload> UploadAsync(UploadKind kind, long? offerId, string csv, bool dryRun = false, UploadRunOptions? options = null)
    {
        var upload = await StartAsync(kind, offerId, csv, dryRun);
        return await Runner.ExecuteAsync(upload.Id, options);
    }

    public Task<List<UploadIssue>> IssuesAsync(long uploadId) =>
        Issuance.QueryAsync(db => db.UploadIssues.AsNoTracking().Where(i => i.UploadId == uploadId).OrderBy(i => i.Row).ThenBy(i => i.Id).ToListAsync());

    public async Task<string> IssuesCsvAsync(long uploadId)
    {
        var writer = new StringWriter();
        await Queries.WriteIssuesCsvAsync(uploadId, writer);
        return writer.ToString();
    }

    public async Task<string> SuccessCsvAsync(long uploadId)
    {
        var upload = (await Queries.GetAsync(uploadId))!;
        using var output = new MemoryStream();
        await Queries.WriteSuccessCsvAsync(upload, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>
    /// Everything an upload of <paramref name="offerId"/> left behind, rendered so that two runs of one file on two offers compare
    /// equal exactly when they had the same effect (offer-specific codes and messages left out; codes checked against the success report).
    /// </summary>
    public async Task<UploadOutcome> OutcomeAsync(long offerId, long uploadId)
    {
        var coupons = await Issuance.CouponsAsync(offerId);
        var counters = await Issuance.QueryAsync(db => db.CustomerIssuals.AsNoTracking().Where(c => c.OfferId == offerId).ToListAsync());
        var upload = (await Queries.GetAsync(uploadId))!;
        var issues = await IssuesAsync(uploadId);
        var report = UploadsHttp.ParseCsv(await SuccessCsvAsync(uploadId));
        Assert.Equal(["row", "identifier", "code"], report[0]);
        var reported = report.Skip(1).ToList();

        // No coupon twice, and the success report names exactly the coupons in the database, each to its row's customer.
        Assert.Equal(coupons.Count, coupons.Select(c => c.Code).Distinct().Count());
        Assert.Equal(coupons.Select(c => $"{c.Code}>{c.CustomerId}").Order(), reported.Select(r => $"{r[2]}>{r[1]}").Order());

        return new UploadOutcome(
            string.Join(" ", coupons.Select(c => c.CustomerId).Order()),
            await Issuance.IssuedCountAsync(offerId) ?? 0,
            string.Join(" ", counters.OrderBy(c => c.CustomerId).Select(c => $"{c.CustomerId}:{c.Count}@{c.LastIssuedAt?.UtcTicks}")),
            string.Join(" ", issues.Select(i => $"{i.Row}:{i.Identifier}:{i.Error}")),
            string.Join(" ", reported.Select(r => $"{r[0]}:{r[1]}")),
            $"{upload.Status} total={upload.TotalRows} processed={upload.ProcessedRows} ok={upload.SucceededRows} failed={upload.FailedRows} last={upload.LastCommittedRow}");
    }

    /// <summary>A <c>customers</c> file giving the user <paramref name="rows"/> rows.</summary>
    public static string CustomerRows(long userId, int rows) =>
        "identifierType,identifier\n" + string.Concat(Enumerable.Repeat($"userId,{userId}\n", rows));
}
