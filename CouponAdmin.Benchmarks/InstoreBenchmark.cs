using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// The in-store offer feed over HTTP against the real app: an org of S stores (each with two tills, in four zones, half of
/// them in a concept) and O active offers spread over every kind of scope (unrestricted, a store, a till, a zone, a
/// concept; some not synced, some paused). C connections of one client then poll one store's feed — with If-None-Match
/// (the till's steady state: 304) and without (200 with the body) — between two runs of the no-op.
/// </summary>
internal static class InstoreBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var requests = (int)options.Long("requests", 100_000);
        var connections = (int)options.Long("connections", 32);
        var stores = (int)options.Long("stores", 50);
        var offers = (int)options.Long("offers", 60);
        if (AppProcess.FindAppDll(options.String("app")) is not { } appDll)
        {
            Console.Error.WriteLine("CouponAdmin.dll (Release) was not found beside this program; build it first: dotnet build -c Release CouponAdmin");
            return 2;
        }

        await using var app = await AppProcess.StartAsync(appDll, new Dictionary<string, string>(), TimeSpan.FromSeconds(90));
        using var admin = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(2) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", app.ApiKey);
        Console.WriteLine($"app: {appDll} on {app.Address} (pid {app.Id})");
        await OrgAsync(admin, stores);
        await OffersAsync(admin, offers, stores);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var till = new HttpClient(handler) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(60) };
        till.DefaultRequestHeaders.Add("X-Api-Key", app.ApiKey);
        var feed = new Uri("/api/v1/instore/offers?storeId=S1", UriKind.Relative);
        using var first = await till.GetAsync(feed);
        var etag = first.Headers.ETag?.Tag ?? throw new InvalidOperationException($"The feed answered {(int)first.StatusCode} without an ETag.");
        var body = await first.Content.ReadAsStringAsync();
        Console.WriteLine($"feed of S1: {body.Length:N0} bytes, ETag {etag}; {offers} offers over {stores} stores");

        var live = new Uri("/health/live", UriKind.Relative);
        HttpRequestMessage NoOp(int _) => new(HttpMethod.Get, live);
        HttpRequestMessage Poll(int _) => new(HttpMethod.Get, feed) { Headers = { { "If-None-Match", etag } } };
        HttpRequestMessage Fetch(int _) => new(HttpMethod.Get, feed);
        // Two warm-up rounds with pauses, as for redeem: tiered JIT promotes hot methods only after counting calls anew.
        for (var round = 0; round < 2; round++)
        {
            foreach (var (name, make) in new (string, Func<int, HttpRequestMessage>)[] { ("no-op", NoOp), ("304", Poll), ("200", Fetch) })
            {
                await HttpLoad.RunAsync($"warm {name}", app, till, 5_000, connections, make, name == "304" ? HttpStatusCode.NotModified : HttpStatusCode.OK);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var phases = new List<PhaseResult>
        {
            await HttpLoad.RunAsync("no-op", app, till, requests, connections, NoOp),
            await HttpLoad.RunAsync("instore 304", app, till, requests, connections, Poll, HttpStatusCode.NotModified),
            await HttpLoad.RunAsync("instore 200", app, till, requests, connections, Fetch),
            await HttpLoad.RunAsync("no-op (after)", app, till, requests, connections, NoOp),
        };
        Console.WriteLine($"GET /health/live (no-op), GET /api/v1/instore/offers?storeId=S1 with and without If-None-Match; {connections} connections, one client");
        HttpLoad.PrintTable(phases);
        var noop = (phases[0].PerSecond + phases[^1].PerSecond) / 2;
        HttpLoad.PrintRatio("instore 304 ÷ no-op", phases[1].PerSecond / noop);
        HttpLoad.PrintRatio("instore 200 ÷ no-op", phases[2].PerSecond / noop);
        return phases.All(p => p.ErrorCount == 0) ? 0 : 1;
    }

    /// <summary>Zones Z1–Z4, concept C1, stores S1…SN (S1 in Z1 and C1) with tills T{n}-1 and T{n}-2.</summary>
    private static async Task OrgAsync(HttpClient admin, int stores)
    {
        await ExpectAsync(await admin.PutAsJsonAsync("/api/v1/org", new { timeZone = "Asia/Kolkata", baseCurrency = "INR" }), HttpStatusCode.OK);
        var entities = new List<object> { new { type = "CONCEPT", id = "C1", name = "Express" } };
        entities.AddRange(Enumerable.Range(1, 4).Select(z => (object)new { type = "ZONE", id = $"Z{z}", name = $"Zone {z}" }));
        for (var s = 1; s <= stores; s++)
        {
            entities.Add(new { type = "STORE", id = $"S{s}", name = $"Store {s}", parentId = $"Z{1 + (s % 4)}", conceptId = s % 2 == 1 ? "C1" : null, currency = "INR" });
            entities.Add(new { type = "TILL", id = $"T{s}-1", name = "Till 1", parentId = $"S{s}" });
            entities.Add(new { type = "TILL", id = $"T{s}-2", name = "Till 2", parentId = $"S{s}" });
        }

        foreach (var entity in entities)
        {
            await ExpectAsync(await admin.PostAsJsonAsync("/api/v1/org/entities", entity), HttpStatusCode.Created);
        }
    }

    /// <summary>Offers cycling through the scopes a feed must sort out; every fifth is not synced, every seventh paused.</summary>
    private static async Task OffersAsync(HttpClient admin, int count, int stores)
    {
        string[] scopes = ["", "STORE S#", "TILL T#-1", "ZONE Z@", "CONCEPT C1"];
        for (var i = 0; i < count; i++)
        {
            var store = 1 + (i % stores);
            var tag = scopes[i % scopes.Length].Replace("#", $"{store}", StringComparison.Ordinal).Replace("@", $"{1 + (store % 4)}", StringComparison.Ordinal).Split(' ');
            var scope = tag.Length == 2 ? $$"""[{ "type": "{{tag[0]}}", "id": "{{tag[1]}}" }]""" : "[]";
            var offer = $$"""
                {
                  "name": "Feed offer {{i}}", "syncToInStore": {{(i % 5 == 4 ? "false" : "true")}},
                  "discount": { "type": "percentage", "value": {{5 + (i % 20)}}, "maxAmount": 500 },
                  "coupon": { "issuedBy": "couponAdmin", "generation": { "method": "autoUnique", "length": 10, "alphabet": "alphanumeric" } },
                  "redemption": { "customerLimit": 1, "minBill": 500, "daysOfWeek": ["saturday", "sunday"], "hours": [10, 11, 12, 18, 19], "orgEntities": {{scope}} }
                }
                """;
            using var created = await admin.PostAsync(new Uri("/api/v1/offers", UriKind.Relative), new StringContent(offer, Encoding.UTF8, "application/json"));
            var id = System.Text.Json.JsonDocument.Parse(await ExpectAsync(created, HttpStatusCode.Created)).RootElement.GetProperty("id").GetInt64();
            await ExpectAsync(await admin.PostAsync(new Uri($"/api/v1/offers/{id}/activate", UriKind.Relative), null), HttpStatusCode.OK);
            if (i % 7 == 6)
            {
                await ExpectAsync(await admin.PostAsync(new Uri($"/api/v1/offers/{id}/pause", UriKind.Relative), null), HttpStatusCode.OK);
            }
        }
    }

    private static async Task<string> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return response.StatusCode == expected
                ? text
                : throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }
    }
}
