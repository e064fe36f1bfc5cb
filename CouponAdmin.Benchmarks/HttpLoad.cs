using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace CouponAdmin.Benchmarks;

/// <summary>What one phase of load measured: its requests' latencies, the answers that were not expected, and CPU.</summary>
internal sealed record PhaseResult(string Name, int Requests, TimeSpan Elapsed, long[] SortedTicks, IReadOnlyDictionary<string, int> Errors,
    TimeSpan AppCpu, TimeSpan ClientCpu)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    public double Percentile(double p) =>
        Milliseconds(SortedTicks[Math.Clamp((int)Math.Ceiling(p * SortedTicks.Length) - 1, 0, SortedTicks.Length - 1)]);

    public double MaxMs => Milliseconds(SortedTicks[^1]);

    public int ErrorCount => Errors.Values.Sum();

    public double AppCores => AppCpu.TotalSeconds / Elapsed.TotalSeconds;

    /// <summary>App CPU per request: what a loaded machine inflates least.</summary>
    public double AppCpuMsPerRequest => AppCpu.TotalMilliseconds / Requests;

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

/// <summary>
/// Drives the app with C concurrent workers over one <see cref="HttpClient"/> (so every phase of a run shares the same
/// client and connections), each taking the next request from a shared counter until none is left. A request made with a
/// relative address goes to the node <see cref="IAppUnderLoad.AddressFor"/> picks for its number: round-robin over
/// several nodes, so each phase is spread evenly however its workers interleave.
/// </summary>
internal static class HttpLoad
{
    public static async Task<PhaseResult> RunAsync(string name, IAppUnderLoad app, HttpClient client, int requests, int connections,
        Func<int, HttpRequestMessage> request, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var ticks = new long[requests];
        var errors = new ConcurrentDictionary<string, int>();
        var next = -1;

        async Task WorkerAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                using var message = request(i);
                if (message.RequestUri is { IsAbsoluteUri: false } relative)
                {
                    message.RequestUri = new Uri(app.AddressFor(i), relative);
                }

                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(message);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    ticks[i] = Stopwatch.GetTimestamp() - started;
                    if (response.StatusCode != expected)
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

        var appCpu = app.CpuTime();
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(WorkerAsync)));
        watch.Stop();
        var result = new PhaseResult(name, requests, watch.Elapsed, ticks, errors, app.CpuTime() - appCpu,
            Process.GetCurrentProcess().TotalProcessorTime - clientCpu);
        Array.Sort(result.SortedTicks);
        return result;
    }

    public static void PrintTable(IEnumerable<PhaseResult> phases)
    {
        Console.WriteLine($"{"phase",-16} {"requests",9} {"req/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7} {"app cores",10} {"app ms/req",11} {"client cores",13}");
        foreach (var p in phases)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.Name,-16} {p.Requests,9} {p.PerSecond,9:F0} {p.Percentile(0.50),8:F2} {p.Percentile(0.95),8:F2} {p.Percentile(0.99),8:F2} {p.MaxMs,8:F1} {p.ErrorCount,7} {p.AppCores,10:F2} {p.AppCpuMsPerRequest,11:F3} {p.ClientCpu.TotalSeconds / p.Elapsed.TotalSeconds,13:F2}"));
            foreach (var (what, count) in p.Errors.OrderByDescending(e => e.Value))
            {
                Console.WriteLine($"    {what}: {count:N0}");
            }
        }
    }

    /// <summary>A throughput over the no-op's (the mean of the no-op phases before and after), the figure to quote.</summary>
    public static void PrintRatio(string what, double ratio) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-28} {ratio,16:F3} (no-op: mean of the phases before and after)"));

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
}
