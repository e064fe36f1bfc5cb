using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// POS redemption over HTTP against the real app (Release build, child process, SQLite file): an auto-unique offer
/// with customerLimit 1 is bulk-issued to N + warm-up customers (not timed), the warm-up coupons are redeemed to JIT and
/// fill the pools, then N distinct coupons are redeemed by C concurrent connections, one POST /coupons/redeem each.
/// </summary>
internal static class RedeemBenchmark
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<int> RunAsync(Options options)
    {
        var coupons = (int)options.Long("coupons", 20_000);
        var connections = (int)options.Long("connections", 32);
        var warmup = (int)options.Long("warmup", 2_000);
        // "validate" answers as redeem would without the write transaction: the read path alone, for comparison.
        var endpoint = options.String("endpoint") ?? "redeem";
        if (AppProcess.FindAppDll(options.String("app")) is not { } appDll)
        {
            Console.Error.WriteLine("CouponAdmin.dll (Release) was not found beside this program; build it first: dotnet build -c Release CouponAdmin");
            return 2;
        }

        var setup = Stopwatch.StartNew();
        await using var app = await AppProcess.StartAsync(appDll, new Dictionary<string, string>(), TimeSpan.FromSeconds(90));
        using var admin = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(2) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", app.ApiKey);
        Console.WriteLine($"app: {appDll} on {app.Address} (pid {app.Id}), started in {setup.Elapsed.TotalSeconds:N1} s");

        await BenchCustomers.InsertAsync($"Data Source={app.DatabasePath};Default Timeout=30", coupons + warmup);
        var offerId = await CreateActiveOfferAsync(admin);
        await BulkIssueAsync(admin, offerId);
        var pairs = await ReadCouponsAsync(app.DatabasePath, offerId);
        if (pairs.Count != coupons + warmup)
        {
            Console.Error.WriteLine($"expected {coupons + warmup:N0} issued coupons, found {pairs.Count:N0}");
            return 1;
        }

        Console.WriteLine($"setup: {pairs.Count:N0} customers and coupons in {setup.Elapsed.TotalSeconds:N1} s (not timed below)");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var pos = new HttpClient(handler) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(60) };
        pos.DefaultRequestHeaders.Add("X-Api-Key", app.ApiKey);

        var warm = await RedeemAllAsync(pos, endpoint, Bodies(pairs.Take(warmup), "warm"), connections);
        Console.WriteLine($"warm-up: {warmup:N0} redemptions in {warm.Elapsed.TotalSeconds:N1} s, {warm.Errors.Values.Sum():N0} errors (not timed below)");

        var appCpuBefore = app.CpuTime();
        var selfCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var run = await RedeemAllAsync(pos, endpoint, Bodies(pairs.Skip(warmup), "bench"), connections);
        var appCpu = app.CpuTime() - appCpuBefore;
        var selfCpu = Process.GetCurrentProcess().TotalProcessorTime - selfCpuBefore;

        var wall = run.Elapsed.TotalSeconds;
        Array.Sort(run.Ticks);
        Console.WriteLine($"POST /api/v1/coupons/{endpoint}");
        Report.Line("redemptions", coupons, "");
        Report.Line("connections", connections, "");
        Report.Line("wall time", wall, "s");
        Report.Line("throughput", coupons / wall, "redemptions/s");
        Report.Line("latency p50", Milliseconds(Percentile(run.Ticks, 0.50)), "ms");
        Report.Line("latency p95", Milliseconds(Percentile(run.Ticks, 0.95)), "ms");
        Report.Line("latency p99", Milliseconds(Percentile(run.Ticks, 0.99)), "ms");
        Report.Line("latency max", Milliseconds(run.Ticks[^1]), "ms");
        Report.Line("errors (non-200)", run.Errors.Values.Sum(), "");
        foreach (var (what, count) in run.Errors.OrderByDescending(e => e.Value))
        {
            Console.WriteLine($"  {what}: {count:N0}");
        }

        Report.Line("app CPU", appCpu.TotalSeconds / wall, "cores");
        Report.Line("benchmark client CPU", selfCpu.TotalSeconds / wall, "cores");
        Report.Line("peak memory (app)", app.PeakMegabytes(), "MB");
        Report.Line("peak memory (client)", Report.PeakMegabytes(), "MB");
        return run.Errors.IsEmpty && warm.Errors.IsEmpty ? 0 : 1;
    }

    private sealed record RunResult(TimeSpan Elapsed, long[] Ticks, ConcurrentDictionary<string, int> Errors);

    /// <summary>C workers take the next body from a shared counter until none is left; each latency lands in its own slot.</summary>
    private static async Task<RunResult> RedeemAllAsync(HttpClient pos, string endpoint, byte[][] bodies, int connections)
    {
        var ticks = new long[bodies.Length];
        var errors = new ConcurrentDictionary<string, int>();
        var next = -1;
        var uri = new Uri($"/api/v1/coupons/{endpoint}", UriKind.Relative);

        async Task WorkerAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = Json;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await pos.PostAsync(uri, content);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    ticks[i] = Stopwatch.GetTimestamp() - started;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        errors.AddOrUpdate($"{(int)response.StatusCode} {ProblemCode(body)}", 1, (_, n) => n + 1);
                    }
                }
                catch (HttpRequestException e)
                {
                    ticks[i] = Stopwatch.GetTimestamp() - started;
                    errors.AddOrUpdate($"exception {e.HttpRequestError}", 1, (_, n) => n + 1);
                }
            }
        }

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(WorkerAsync)));
        watch.Stop();
        return new RunResult(watch.Elapsed, ticks, errors);
    }

    /// <summary>Request bodies serialized before timing, each with its own POS transaction id.</summary>
    private static byte[][] Bodies(IEnumerable<(string Code, long CustomerId)> pairs, string prefix) =>
    [
        .. pairs.Select((p, i) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"code":"{{p.Code}}","customer":{"type":"userId","value":"{{p.CustomerId}}"},"billAmount":1200.00,"transactionId":"{{prefix}}-{{i}}"}"""))),
    ];

    private static string ProblemCode(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "(not problem details)";
        }
    }

    private static long Percentile(long[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static async Task<long> CreateActiveOfferAsync(HttpClient admin)
    {
        const string offer = """
            {
              "name": "Benchmark redeem",
              "discount": { "type": "percentage", "value": 10 },
              "coupon": { "issuedBy": "couponAdmin", "generation": { "method": "autoUnique", "length": 10, "alphabet": "alphanumeric" } },
              "redemption": { "customerLimit": 1 }
            }
            """;
        using var created = await admin.PostAsync(new Uri("/api/v1/offers", UriKind.Relative), new StringContent(offer, Encoding.UTF8, "application/json"));
        var node = await ExpectAsync(created, HttpStatusCode.Created);
        var id = node.GetProperty("id").GetInt64();
        using var activated = await admin.PostAsync(new Uri($"/api/v1/offers/{id}/activate", UriKind.Relative), null);
        await ExpectAsync(activated, HttpStatusCode.OK);
        return id;
    }

    private static async Task BulkIssueAsync(HttpClient admin, long offerId)
    {
        using var queued = await admin.PostAsync(new Uri($"/api/v1/offers/{offerId}/bulk-issue", UriKind.Relative), JsonContent.Create(new { }));
        var runId = (await ExpectAsync(queued, HttpStatusCode.Accepted)).GetProperty("runId").GetInt64();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            using var polled = await admin.GetAsync(new Uri($"/api/v1/bulk-issues/{runId}", UriKind.Relative));
            var run = await ExpectAsync(polled, HttpStatusCode.OK);
            switch (run.GetProperty("status").GetString())
            {
                case "completed":
                    return;
                case "failed":
                    throw new InvalidOperationException($"Bulk issuance {runId} failed: {run}");
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Bulk issuance {runId} did not finish in 10 minutes.");
    }

    private static async Task<List<(string Code, long CustomerId)>> ReadCouponsAsync(string databasePath, long offerId)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """SELECT "Code", "CustomerId" FROM "Coupons" WHERE "OfferId" = @id AND "CustomerId" IS NOT NULL ORDER BY "Id" """;
        cmd.Parameters.AddWithValue("@id", offerId);
        var pairs = new List<(string, long)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pairs.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return pairs;
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        }

        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}
