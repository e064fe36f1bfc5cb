using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// The real web app (Release build) as a child process on a free loopback port, with a temporary SQLite file and a
/// random bootstrap key. Disposing kills its process tree and deletes the database files.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private AppProcess(Process process, Uri address, string databasePath, string apiKey)
    {
        _process = process;
        Address = address;
        DatabasePath = databasePath;
        ApiKey = apiKey;
    }

    public Uri Address { get; }

    public string DatabasePath { get; }

    public string ApiKey { get; }

    public int Id => _process.Id;

    /// <summary>CouponAdmin.dll of the Release build beside this program's own output, or null when it is not built.</summary>
    public static string? FindAppDll(string? configured)
    {
        var path = configured ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "CouponAdmin", "bin", "Release", "net10.0", "CouponAdmin.dll"));
        return File.Exists(path) ? path : null;
    }

    public static async Task<AppProcess> StartAsync(string appDll, IDictionary<string, string> extraEnvironment, TimeSpan timeout)
    {
        var port = FreePort();
        var databasePath = Path.Combine(Path.GetTempPath(), $"couponadmin-redeem-{Guid.NewGuid():N}.db");
        var apiKey = "bench_" + Guid.NewGuid().ToString("N");
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
        info.Environment["ConnectionStrings__CouponAdmin"] = $"Data Source={databasePath}";
        info.Environment["Api__BootstrapKey"] = apiKey;
        info.Environment["RateLimiting__PosPermitsPerSecond"] = "1000000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in extraEnvironment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"), databasePath, apiKey);
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
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(f);
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
