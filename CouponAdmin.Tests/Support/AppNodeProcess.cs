using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CouponAdmin.Tests.Support;

/// <summary>
/// The real app as a child process — <c>dotnet CouponAdmin.dll</c> of this build's configuration — on a free loopback
/// port, configured by environment variables as a node is in production (docs/operations.md): for tests that need
/// several processes, each with its own Hangfire server, or one to kill. <c>dotnet</c> runs the dll in its own process
/// (no child), so <see cref="Id"/> is the app's and <see cref="Kill"/> (SIGKILL on Linux) leaves nothing of it running.
/// Disposing kills it too.
/// </summary>
public sealed class AppNodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private AppNodeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// The app's own build output for the tests' configuration: the tests run from
    /// <c>CouponAdmin.Tests/bin/{Configuration}/{tfm}/</c>, the app builds to <c>CouponAdmin/bin/{Configuration}/{tfm}/</c>
    /// (the test project references it, so building the tests builds it).
    /// </summary>
    public static string AppDll()
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var configuration = output.Parent!;
        var repository = configuration.Parent!.Parent!.Parent!;
        var dll = Path.Combine(repository.FullName, "CouponAdmin", "bin", configuration.Name, output.Name, "CouponAdmin.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"The app is not built at {dll}: build the solution (dotnet build CouponAdmin.sln) in the configuration the tests run in.", dll);
    }

    /// <summary>
    /// Starts the app with <paramref name="settings"/> (configuration keys such as <c>Database:Provider</c>) over a
    /// production environment, plain http and the tests' bootstrap key, and returns once it answers <c>/health/live</c>.
    /// </summary>
    public static async Task<AppNodeProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var dll = AppDll();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString());
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Security__RequireHttps"] = "false";
        info.Environment["Api__BootstrapKey"] = CouponAdminFactory.ApiKey;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var node = new AppNodeProcess(process, address);
        process.OutputDataReceived += (_, e) => node.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => node.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitUntilAnsweringAsync(timeout);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    public HttpClient CreateApiClient()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", CouponAdminFactory.ApiKey);
        return client;
    }

    /// <summary>Kills the app at once (SIGKILL on Linux: no shutdown, no finally blocks, no Hangfire requeue) and waits until it is gone.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>The app's last lines of output, for a failure message.</summary>
    public string Output()
    {
        lock (_lastLines)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
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
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} during start-up:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
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

        throw new TimeoutException($"The app did not answer GET /health/live within {timeout.TotalSeconds:N0} s:{Environment.NewLine}{Output()}");
    }
}
