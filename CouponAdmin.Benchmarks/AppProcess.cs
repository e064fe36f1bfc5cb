using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// The real web app (Release build) as a child process on a free loopback port, on the database its environment names
/// (a <see cref="BenchDatabase"/>'s), with a bootstrap API key. Disposing kills its process tree, and removes the database
/// only when the process was started on a temporary SQLite file of its own.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable, IAppUnderLoad
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private BenchDatabase? _ownDatabase;

    private AppProcess(Process process, Uri address, string apiKey)
    {
        _process = process;
        Address = address;
        ApiKey = apiKey;
    }

    public Uri Address { get; }

    public string ApiKey { get; }

    public int Id => _process.Id;

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

    /// <summary>One app with <paramref name="environment"/> (the database's, and any other setting) over the defaults below.</summary>
    public static async Task<AppProcess> StartAsync(string appDll, string apiKey, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(appDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Api__BootstrapKey"] = apiKey;
        info.Environment["RateLimiting__PosPermitsPerSecond"] = "1000000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"), apiKey);
        process.OutputDataReceived += (_, e) => app.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => app.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilAnsweringAsync(timeout);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>Peak resident memory of the app (VmHWM), in MB.</summary>
    public double PeakMegabytes()
    {
        _process.Refresh();
        return _process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    public Uri AddressFor(int request) => Address;

    /// <summary>CPU time the app has used so far (user + system, all threads).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _process.Dispose();
        if (_ownDatabase is not null)
        {
            await _ownDatabase.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} during start-up:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app did not answer GET /openapi/v1.json within {timeout.TotalSeconds:N0} s:{Environment.NewLine}{Output()}");
    }

    private string Output()
    {
        lock (_lastLines)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
    }
}
