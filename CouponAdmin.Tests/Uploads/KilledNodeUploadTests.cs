using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CouponAdmin.Tests.Api;
using CouponAdmin.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace CouponAdmin.Tests.Uploads;

/// <summary>
/// Jobs on several nodes (docs/operations.md, "The shape"): two real app processes on one PostgreSQL database, each with
/// its own Hangfire server on the shared queue. A 100,000-row customers upload is killed with SIGKILL on the node running
/// it, mid-file; after the claim lapse the other node takes the job and resumes from the checkpoint, so every customer
/// gets exactly one coupon, every row is reported once and the counters agree. PostgreSQL only: on SQLite the job queue
/// is each process's memory, so there is no second node to take over (./test.sh runs it in its PostgreSQL leg).
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Database", "PostgresOnly")]
public sealed class KilledNodeUploadTests(ITestOutputHelper output)
{
    private const int Rows = 100_000;

    /// <summary>Twenty chunks, so the kill lands with some committed and most not (the customers kind's own is 50,000).</summary>
    private const int ChunkRows = 5_000;

    private static readonly TimeSpan ClaimLapse = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AHundredThousandRowUploadWhoseNodeIsKilledMidFileIsFinishedOnceByTheOtherNode()
    {
        Assert.True(TestPostgres.Enabled, $"This test needs PostgreSQL, where two app processes share one job queue: set {TestPostgres.Variable} " +
            "to a server's connection string (./test.sh's PostgreSQL leg does; its SQLite leg leaves out [Trait(\"Database\", \"PostgresOnly\")]).");
        var watch = Stopwatch.StartNew();
        var name = $"{TestPostgres.DatabasePrefix}{Guid.NewGuid():N}";
        var connectionString = TestPostgres.CreateMigrated(name);
        var folder = Directory.CreateTempSubdirectory("couponadmin-nodes-").FullName;
        var nodes = new List<AppNodeProcess>();
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:CouponAdmin"] = connectionString,
                ["Uploads:Folder"] = Path.Combine(folder, "uploads"),
                ["Uploads:MaxChunkRows"] = ChunkRows.ToString(CultureInfo.InvariantCulture),
                ["Notifications:MailFolder"] = Path.Combine(folder, "mail"),
                ["Jobs:ClaimLapse"] = ClaimLapse.ToString(),
            };
            // One after the other, as a rollout starts them: the first also makes Hangfire's schema.
            nodes.Add(await AppNodeProcess.StartAsync(settings, TimeSpan.FromSeconds(60)));
            nodes.Add(await AppNodeProcess.StartAsync(settings, TimeSpan.FromSeconds(60)));
            Log(watch, $"two nodes answer: pids {nodes[0].Id} and {nodes[1].Id}");

            await InsertCustomersAsync(connectionString);
            using var first = nodes[0].CreateApiClient();
            var offerId = await first.ActiveOfferAsync();
            var accepted = await (await first.PostFileAsync(offerId, CustomersFile())).ExpectAsync(HttpStatusCode.Accepted);
            var uploadId = (long)accepted["uploadId"]!;
            Log(watch, $"{Rows:N0} customers inserted, upload {uploadId} accepted");

            var doneAtKill = await WaitForProgressAsync(first, uploadId);
            var runningPid = await RunningServerPidAsync(connectionString);
            Assert.True(nodes.Any(n => n.Id == runningPid), $"The upload runs on pid {runningPid}, which is neither node ({nodes[0].Id}, {nodes[1].Id}).");
            var runner = nodes.Single(n => n.Id == runningPid);
            var survivor = nodes.Single(n => n != runner);
            runner.Kill();
            var killedAt = watch.Elapsed;
            Log(watch, $"killed pid {runner.Id} (SIGKILL) with {doneAtKill:N0} of {Rows:N0} rows committed");
            Assert.InRange(doneAtKill, ChunkRows, (Rows / 2) - 1);
            // The process killed was the app itself, not a launcher whose child lives on: nothing answers at its address.
            using (var probe = new HttpClient { BaseAddress = runner.Address, Timeout = TimeSpan.FromSeconds(5) })
            {
                await Assert.ThrowsAsync<HttpRequestException>(() => probe.GetAsync(new Uri("/health/live", UriKind.Relative)));
            }

            using var other = survivor.CreateApiClient();
            var finished = await WaitForFinishAsync(other, uploadId, ClaimLapse + TimeSpan.FromSeconds(90), survivor);
            Log(watch, $"finished by pid {survivor.Id}, {(watch.Elapsed - killedAt).TotalSeconds:N1} s after the kill");

            UploadsHttp.AssertCounts(finished, "completed", succeeded: Rows, failed: 0);
            var servers = await ProcessingServerPidsAsync(connectionString);
            Assert.True(servers.Count >= 2 && servers[0] == runner.Id && servers[^1] == survivor.Id,
                $"The upload job ran on pids {string.Join(", ", servers)}; expected {runner.Id} (killed) first and {survivor.Id} last.");
            Assert.Equal("Succeeded", await ScalarAsync<string>(connectionString,
                """SELECT "statename" FROM hangfire."job" WHERE "invocationdata"::text LIKE '%UploadJob%'"""));
            Assert.Equal(1L, await ScalarAsync<long>(connectionString,
                $"""SELECT COUNT(*) FROM "AuditEntries" WHERE "Action" = 'upload.finished' AND "EntityId" = '{uploadId}'"""));

            await AssertOneCouponPerCustomerAsync(connectionString, offerId);
            await AssertReportsHaveEveryRowOnceAsync(other, uploadId, connectionString, offerId);
            Log(watch, "checked");
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            TestPostgres.Drop(name);
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    /// <summary>Customers 1..100,000 in one statement on the server: 100,000 API calls would take minutes, and only the upload is under test.</summary>
    private static async Task InsertCustomersAsync(string connectionString)
    {
        await ExecuteAsync(connectionString, $"""INSERT INTO "Customers" ("UserId", "TransactionCount") SELECT g, 0 FROM generate_series(1::bigint, {Rows}) AS g""");
        await ExecuteAsync(connectionString, """ANALYZE "Customers" """);
    }

    /// <summary>Row r (file row r + 1) names customer r.</summary>
    private static byte[] CustomersFile()
    {
        var file = new StringBuilder("identifierType,identifier\n", Rows * 14);
        for (var r = 1; r <= Rows; r++)
        {
            file.Append("userId,").Append(r).Append('\n');
        }

        return Encoding.UTF8.GetBytes(file.ToString());
    }

    /// <summary>Waits until at least one chunk has committed and returns the rows done; fails if the upload finishes first.</summary>
    private static async Task<int> WaitForProgressAsync(HttpClient api, long uploadId)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var upload = await api.GetUploadAsync(uploadId);
            var done = (int)upload["processedRows"]!;
            Assert.True((string?)upload["status"] is "queued" or "processing",
                $"The upload finished before a node could be killed mid-file (chunks of {ChunkRows:N0} too fast?): {upload.ToJsonString()}");
            if (done >= ChunkRows)
            {
                return done;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"No chunk committed within 60 s: {upload.ToJsonString()}");
            await Task.Delay(20);
        }
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> WaitForFinishAsync(HttpClient api, long uploadId, TimeSpan timeout, AppNodeProcess node)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var upload = await api.GetUploadAsync(uploadId);
            if ((string?)upload["status"] is "completed" or "completedWithIssues" or "failed")
            {
                return upload;
            }

            Assert.True(deadline.Elapsed < timeout, $"The other node did not finish upload {uploadId} within {timeout.TotalSeconds:N0} s: {upload.ToJsonString()}" +
                $"{Environment.NewLine}Its output:{Environment.NewLine}{node.Output()}");
            await Task.Delay(250);
        }
    }

    /// <summary>The process id in the server id of the upload job's Processing state (Hangfire's "host:pid:guid").</summary>
    private static async Task<int> RunningServerPidAsync(string connectionString)
    {
        var pids = await ProcessingServerPidsAsync(connectionString);
        Assert.True(pids.Count == 1, $"The upload job should be processing once, on one node; processing states name pids {string.Join(", ", pids)}.");
        return pids[0];
    }

    /// <summary>Each Processing state of the upload job in order, as the process id of the server that ran it.</summary>
    private static async Task<List<int>> ProcessingServerPidsAsync(string connectionString)
    {
        var pids = new List<int>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT s."data"::text FROM hangfire."state" s JOIN hangfire."job" j ON j."id" = s."jobid"
            WHERE j."invocationdata"::text LIKE '%UploadJob%' AND s."name" = 'Processing' ORDER BY s."id"
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var data = reader.GetString(0);
            var match = Regex.Match(data, "\"ServerId\"\\s*:\\s*\"[^\":]*:(\\d+):");
            Assert.True(match.Success, $"No process id in the Processing state's server id: {data}");
            pids.Add(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        return pids;
    }

    /// <summary>Exactly one coupon for each of the 100,000 customers, distinct codes, and the stored counters saying the same.</summary>
    private static async Task AssertOneCouponPerCustomerAsync(string connectionString, long offerId)
    {
        var coupons = $"""FROM "Coupons" WHERE "OfferId" = {offerId}""";
        Assert.Equal<long>(Rows, await ScalarAsync<long>(connectionString, $"SELECT COUNT(*) {coupons}"));
        Assert.Equal<long>(Rows, await ScalarAsync<long>(connectionString, $"""SELECT COUNT(DISTINCT "CustomerId") {coupons}"""));
        Assert.Equal<long>(Rows, await ScalarAsync<long>(connectionString, $"""SELECT COUNT(DISTINCT "Code") {coupons}"""));
        Assert.Equal(0L, await ScalarAsync<long>(connectionString, $"""SELECT COUNT(*) {coupons} AND ("CustomerId" IS NULL OR "CustomerId" NOT BETWEEN 1 AND {Rows})"""));
        Assert.Equal<long>(Rows, await ScalarAsync<long>(connectionString, $"""SELECT "IssuedCount" FROM "OfferCounters" WHERE "OfferId" = {offerId}"""));
        Assert.Equal<long>(Rows, await ScalarAsync<long>(connectionString, $"""SELECT SUM("Issued") FROM "OfferDailyCounts" WHERE "OfferId" = {offerId}"""));
    }

    /// <summary>The success report lists file rows 2..100,001 once each with its customer and the code that customer holds; the issue report is empty.</summary>
    private static async Task AssertReportsHaveEveryRowOnceAsync(HttpClient api, long uploadId, string connectionString, long offerId)
    {
        Assert.Empty(await api.IssuesAsync(uploadId));
        var issued = await api.IssuedAsync(uploadId);
        Assert.Equal(Rows, issued.Count);
        var rows = issued.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).ToList();
        Assert.True(rows.SequenceEqual(Enumerable.Range(2, Rows)), "The success report's rows are not 2..100,001 in order, each once.");
        Assert.All(issued, r => Assert.Equal(int.Parse(r[0], CultureInfo.InvariantCulture) - 1, int.Parse(r[1], CultureInfo.InvariantCulture)));

        var held = new Dictionary<string, long>(Rows);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""SELECT "Code", "CustomerId" FROM "Coupons" WHERE "OfferId" = {offerId}""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            held[reader.GetString(0)] = reader.GetInt64(1);
        }

        var mismatched = issued.Where(r => !held.TryGetValue(r[2], out var customer) || customer.ToString(CultureInfo.InvariantCulture) != r[1]).Take(3).ToList();
        Assert.True(mismatched.Count == 0, $"Report rows whose code is not the customer's coupon: {string.Join("; ", mismatched.Select(r => string.Join(",", r)))}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), CultureInfo.InvariantCulture);
    }

    private void Log(Stopwatch watch, string what) => output.WriteLine($"{watch.Elapsed.TotalSeconds,6:N1} s  {what}");
}
