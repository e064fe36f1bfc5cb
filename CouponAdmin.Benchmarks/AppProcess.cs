using CouponAdmin.Shared;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// The real web app (Release build) under load: an <see cref="AppChildProcess"/> on the database its environment names
/// (a <see cref="BenchDatabase"/>'s), without the per-key POS rate limit, with a bootstrap API key. Disposing kills it,
/// and removes the database only when the process was started on a temporary SQLite file of its own.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable, IAppUnderLoad
{
    private readonly AppChildProcess _app;
    private BenchDatabase? _ownDatabase;

    private AppProcess(AppChildProcess app, string apiKey)
    {
        _app = app;
        ApiKey = apiKey;
    }

    public Uri Address => _app.Address;

    public string ApiKey { get; }

    public int Id => _app.Id;

    /// <summary>CouponAdmin.dll of the Release build beside this program's own output, or null when it is not built.</summary>
    public static string? FindAppDll(string? configured)
    {
        var path = configured ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "CouponAdmin", "bin", "Release", "net10.0", "CouponAdmin.dll"));
        return File.Exists(path) ? path : null;
    }

    /// <summary>A random bootstrap key: every node of one run is given the same one, so any node accepts the client.</summary>
    public static string NewApiKey() => "bench_" + Guid.NewGuid().ToString("N");

    /// <summary>One app on a temporary SQLite file of its own, deleted when the app is disposed.</summary>
    public static async Task<AppProcess> StartAsync(string appDll, IDictionary<string, string> extraEnvironment, TimeSpan timeout)
    {
        var database = BenchDatabase.Sqlite(Path.Combine(Path.GetTempPath(), $"couponadmin-redeem-{Guid.NewGuid():N}.db"));
        try
        {
            var app = await StartAsync(appDll, NewApiKey(), new Dictionary<string, string>(database.AppEnvironment.Concat(extraEnvironment)), timeout);
            app._ownDatabase = database;
            return app;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>One app with <paramref name="environment"/> (the database's, and any other setting), the POS rate limit lifted.</summary>
    public static async Task<AppProcess> StartAsync(string appDll, string apiKey, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var settings = new Dictionary<string, string> { ["RateLimiting__PosPermitsPerSecond"] = "1000000" };
        foreach (var (name, value) in environment)
        {
            settings[name] = value;
        }

        return new AppProcess(await AppChildProcess.StartAsync(appDll, apiKey, settings, "/openapi/v1.json", timeout), apiKey);
    }

    /// <summary>Peak resident memory of the app (VmHWM), in MB.</summary>
    public double PeakMegabytes() => _app.PeakMegabytes();

    public Uri AddressFor(int request) => Address;

    /// <summary>CPU time the app has used so far (user + system, all threads).</summary>
    public TimeSpan CpuTime() => _app.CpuTime();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (_ownDatabase is not null)
        {
            await _ownDatabase.DisposeAsync();
        }
    }
}
