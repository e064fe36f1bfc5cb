using CouponAdmin.Shared;

namespace CouponAdmin.Tests.Support;

/// <summary>
/// The real app as a child process (<see cref="AppChildProcess"/>) of this build's configuration, configured as a node is
/// in production with the tests' bootstrap key, for tests that need several processes, each with its own Hangfire server,
/// or one to kill. Disposing kills it.
/// </summary>
public sealed class AppNodeProcess : IAsyncDisposable
{
    private readonly AppChildProcess _app;

    private AppNodeProcess(AppChildProcess app) => _app = app;

    public Uri Address => _app.Address;

    public int Id => _app.Id;

    public bool HasExited => _app.HasExited;

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
        var environment = new Dictionary<string, string> { ["Security__RequireHttps"] = "false" };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new AppNodeProcess(await AppChildProcess.StartAsync(AppDll(), CouponAdminFactory.ApiKey, environment, "/health/live", timeout));
    }

    public HttpClient CreateApiClient()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", CouponAdminFactory.ApiKey);
        return client;
    }

    /// <summary>Kills the app at once (SIGKILL on Linux: no shutdown, no finally blocks, no Hangfire requeue) and waits until it is gone.</summary>
    public void Kill() => _app.Kill();

    /// <summary>The app's last lines of output, for a failure message.</summary>
    public string Output() => _app.Output();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
