using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// POS redemption over HTTP against the real app (Release build, child process, SQLite file or, with
/// <c>--provider postgres</c>, a fresh PostgreSQL database): an auto-unique offer with customerLimit 1 is bulk-issued to
/// N + warm-up customers (not timed); after a warm-up of every path, C concurrent connections of one client run, in turn:
/// the no-op (GET /health/live), N validations, the N distinct redemptions (one POST /coupons/redeem each) and the no-op
/// again. Redeem ÷ no-op is the figure that survives a loaded machine. With <c>--nodes K</c> (PostgreSQL only) K app
/// processes share the database and every phase is spread round-robin over them; app CPU is their sum.
/// </summary>
internal static class RedeemBenchmark
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<int> RunAsync(Options options)
    {
        var coupons = (int)options.Long("coupons", 20_000);
        var connections = (int)options.Long("connections", 32);
        var warmup = (int)options.Long("warmup", 2_000);
        // The yardstick: the app's cheapest endpoint, driven by the same client and connections in the same run.
        var noops = (int)options.Long("noop", 2L * coupons);
        var validates = (int)options.Long("validate", coupons);
        var nodeCount = (int)options.Long("nodes", 1);
        if (AppNodes.Refusal(nodeCount, BenchDatabase.ProviderFrom(options)) is { } refusal)
        {
            Console.Error.WriteLine(refusal);
            return 2;
        }

        if (AppProcess.FindAppDll(options.String("app")) is not { } appDll)
        {
            Console.Error.WriteLine("CouponAdmin.dll (Release) was not found beside this program; build it first: dotnet build -c Release CouponAdmin");
            return 2;
        }

        var setup = Stopwatch.StartNew();
        // Declared first, disposed last: the database is removed after every app process has stopped.
        await using var database = await BenchDatabase.CreateAsync(options, Path.Combine(Path.GetTempPath(), $"couponadmin-redeem-{Guid.NewGuid():N}.db"));
        await using var app = await AppNodes.StartAsync(appDll, database, nodeCount, TimeSpan.FromSeconds(90));
        using var admin = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(2) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", app.ApiKey);
        Console.WriteLine($"app: {appDll} on {app.Describe()}, started in {setup.Elapsed.TotalSeconds:N1} s");
        Console.WriteLine($"provider: {database.Description}; nodes: {nodeCount}");

        await BenchCustomers.InsertAsync(database.Database, coupons + warmup);
        var offerId = await CreateActiveOfferAsync(admin);
        await BulkIssueAsync(admin, offerId);
        var pairs = await ReadCouponsAsync(database.Database, offerId);
        if (pairs.Count != coupons + warmup)
        {
            Console.Error.WriteLine($"expected {coupons + warmup:N0} issued coupons, found {pairs.Count:N0}");
            return 1;
        }

        Console.WriteLine($"setup: {pairs.Count:N0} customers and coupons in {setup.Elapsed.TotalSeconds:N1} s (not timed below)");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        // No base address: HttpLoad sends each request to the node its number picks (the only node when there is one).
        using var pos = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        pos.DefaultRequestHeaders.Add("X-Api-Key", app.ApiKey);

        var warmBodies = Bodies(pairs.Take(warmup), "warm");
        var benchBodies = Bodies(pairs.Skip(warmup), "bench");
        var live = new Uri("/health/live", UriKind.Relative);
        HttpRequestMessage NoOp(int _) => new(HttpMethod.Get, live);

        // Warm-up (not timed): JIT every path and fill the pools; validating changes nothing.
        PhaseResult[] warm =
        [
            await HttpLoad.RunAsync("warm no-op", app, pos, warmup, connections, NoOp),
            await HttpLoad.RunAsync("warm validate", app, pos, warmup, connections, i => Post("validate", benchBodies[i % benchBodies.Length])),
            await HttpLoad.RunAsync("warm redeem", app, pos, warmup, connections, i => Post("redeem", warmBodies[i])),
        ];
        Console.WriteLine($"warm-up: {warmup:N0} each of no-op, validate, redeem; {warm.Sum(w => w.ErrorCount):N0} errors (not timed below)");
        // Tiered JIT recompiles hot methods in the background once new methods stop appearing, and only after counting
        // calls made since: a pause, a second round and another pause, or the first timed phase runs on unoptimised code.
        var settle = TimeSpan.FromSeconds(options.Long("settle", 2));
        await Task.Delay(settle);
        await HttpLoad.RunAsync("warm no-op", app, pos, warmup, connections, NoOp);
        await HttpLoad.RunAsync("warm validate", app, pos, warmup, connections, i => Post("validate", benchBodies[i % benchBodies.Length]));
        await Task.Delay(settle);

        // The no-op runs before and after the POS phases: a difference between the two shows the machine's load drifting.
        var phases = new List<PhaseResult> { await HttpLoad.RunAsync("no-op", app, pos, noops, connections, NoOp) };
        if (validates > 0)
        {
            phases.Add(await HttpLoad.RunAsync("validate", app, pos, validates, connections, i => Post("validate", benchBodies[i % benchBodies.Length])));
        }

        phases.Add(await HttpLoad.RunAsync("redeem", app, pos, coupons, connections, i => Post("redeem", benchBodies[i])));
        phases.Add(await HttpLoad.RunAsync("no-op (after)", app, pos, noops, connections, NoOp));

        Console.WriteLine($"GET /health/live (no-op), POST /api/v1/coupons/validate and /redeem; {connections} connections, one client; " +
            $"{nodeCount} node{(nodeCount == 1 ? "" : "s, round-robin, app CPU summed")}; {database.Provider}");
        HttpLoad.PrintTable(phases);
        var noop = (phases[0].PerSecond + phases[^1].PerSecond) / 2;
        HttpLoad.PrintRatio("redeem ÷ no-op", phases.Single(p => p.Name == "redeem").PerSecond / noop);
        if (phases.SingleOrDefault(p => p.Name == "validate") is { } validate)
        {
            HttpLoad.PrintRatio("validate ÷ no-op", validate.PerSecond / noop);
        }

        Report.Line(nodeCount == 1 ? "peak memory (app)" : "peak memory (largest node)", app.PeakMegabytes(), "MB");
        Report.Line("peak memory (client)", Report.PeakMegabytes(), "MB");
        return phases.Concat(warm).All(p => p.ErrorCount == 0) ? 0 : 1;
    }

    private static HttpRequestMessage Post(string endpoint, byte[] body) =>
        new(HttpMethod.Post, new Uri($"/api/v1/coupons/{endpoint}", UriKind.Relative))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = Json } },
        };

    /// <summary>Request bodies serialized before timing, each with its own POS transaction id.</summary>
    private static byte[][] Bodies(IEnumerable<(string Code, long CustomerId)> pairs, string prefix) =>
    [
        .. pairs.Select((p, i) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"code":"{{p.Code}}","customer":{"type":"userId","value":"{{p.CustomerId}}"},"billAmount":1200.00,"transactionId":"{{prefix}}-{{i}}"}"""))),
    ];

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

    private static async Task<List<(string Code, long CustomerId)>> ReadCouponsAsync(CouponDatabase database, long offerId)
    {
        await using var connection = database.OpenConnection();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """SELECT "Code", "CustomerId" FROM "Coupons" WHERE "OfferId" = @id AND "CustomerId" IS NOT NULL ORDER BY "Id" """;
        var id = cmd.CreateParameter();
        id.ParameterName = "id";
        id.Value = offerId;
        cmd.Parameters.Add(id);
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
