using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// N app processes (nodes) on one database, as behind a load balancer: they share one bootstrap API key, the first
/// migrates the database at start-up and the others start once it answers, with <c>Database:MigrateAtStartup=false</c>
/// (so the set-up measured is "one node migrated, the rest only serve"). Requests go round-robin by their number in the
/// phase; app CPU is the sum over nodes. Several nodes need PostgreSQL: SQLite is one file in one process.
/// </summary>
internal sealed class AppNodes : IAppUnderLoad, IAsyncDisposable
{
    private readonly List<AppProcess> _nodes;

    private AppNodes(List<AppProcess> nodes) => _nodes = nodes;

    public IReadOnlyList<AppProcess> Nodes => _nodes;

    /// <summary>The first node: where the set-up's admin calls go.</summary>
    public Uri Address => _nodes[0].Address;

    public string ApiKey => _nodes[0].ApiKey;

    /// <summary>Why <paramref name="count"/> nodes cannot run on <paramref name="provider"/>, or null when they can.</summary>
    public static string? Refusal(int count, DatabaseProvider provider) => count switch
    {
        < 1 => $"--nodes {count}: at least one app process is needed.",
        > 1 when provider == DatabaseProvider.Sqlite =>
            $"--nodes {count} needs --provider postgres: several app processes on one SQLite file is not a supported set-up " +
            "(SQLite's write gate and group commit are per process; several web nodes share a PostgreSQL server, docs/operations.md).",
        _ => null,
    };

    public static async Task<AppNodes> StartAsync(string appDll, BenchDatabase database, int count, TimeSpan timeout)
    {
        var apiKey = AppProcess.NewApiKey();
        var first = await AppProcess.StartAsync(appDll, apiKey, database.AppEnvironment, timeout);
        var serveOnly = new Dictionary<string, string>(database.AppEnvironment) { ["Database__MigrateAtStartup"] = "false" };
        var others = Enumerable.Range(1, count - 1).Select(_ => AppProcess.StartAsync(appDll, apiKey, serveOnly, timeout)).ToList();
        try
        {
            await Task.WhenAll(others);
        }
        catch
        {
            // One node failed to start: stop the ones that did, or they would outlive this program.
            await first.DisposeAsync();
            foreach (var started in others.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        List<AppProcess> nodes = [first, .. others.Select(t => t.Result)];
        return new AppNodes(nodes);
    }

    public Uri AddressFor(int request) => _nodes[request % _nodes.Count].Address;

    public TimeSpan CpuTime()
    {
        var sum = TimeSpan.Zero;
        foreach (var node in _nodes)
        {
            sum += node.CpuTime();
        }

        return sum;
    }

    /// <summary>Peak resident memory of the largest node, in MB.</summary>
    public double PeakMegabytes() => _nodes.Max(n => n.PeakMegabytes());

    /// <summary>For the report: each node's address and process id.</summary>
    public string Describe() => string.Join(", ", _nodes.Select(n => $"{n.Address} (pid {n.Id})"));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }
}
