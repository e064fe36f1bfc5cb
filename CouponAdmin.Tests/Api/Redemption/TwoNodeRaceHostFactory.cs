using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api.Redemption;

/// <summary>
/// Two web nodes on one database (docs/operations.md, "The shape"): this host and a second on its data folder — on
/// PostgreSQL, its database — each with its own writers, session pool and Hangfire server. The races alternate their
/// calls over both, so a limit kept only inside one process would break. The second node starts once this host has made
/// the database, and stops before this host drops it.
/// </summary>
public sealed class TwoNodeRaceHostFactory : RaceHostFactory
{
    private readonly Lazy<CouponAdminFactory> _second;

    public TwoNodeRaceHostFactory() =>
        _second = new(() => new CouponAdminFactory { DataFolder = DataFolder, KeepDataFolder = true, Settings = Settings });

    public override IReadOnlyList<HttpClient> CreateNodeClients()
    {
        // This host first: starting it makes the database the second node joins.
        var first = CreateApiClient();
        return [first, _second.Value.CreateApiClient()];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _second.IsValueCreated)
        {
            _second.Value.Dispose();
        }

        base.Dispose(disposing);
    }
}
