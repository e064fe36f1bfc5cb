using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api.Redemption;

/// <summary>The host for the races, with the 200 customers every race reuses (created once, on first use; the only customers it has).</summary>
public class RaceHostFactory : CouponAdminFactory
{
    public const int Crowd = 200;

    /// <summary>The races test the limits, not the per-key rate limit: rounds of 200 calls can pass 5,000 a second.</summary>
    public RaceHostFactory() => Settings = Unlimited();

    /// <summary>Settings without the per-key POS rate limit, for hosts that race calls.</summary>
    public static Dictionary<string, string> Unlimited() => new() { ["RateLimiting:PosPermitsPerSecond"] = "1000000" };

    /// <summary>
    /// A client for each web node on this host's database, the racers' calls alternating over them; the first is where
    /// set-up calls go. One node here (this host); <see cref="TwoNodeRaceHostFactory"/> has two.
    /// </summary>
    public virtual IReadOnlyList<HttpClient> CreateNodeClients() => [CreateApiClient()];

    private readonly SemaphoreSlim _once = new(1, 1);
    private long[]? _customers;

    public async Task<long[]> CustomersAsync(HttpClient api)
    {
        await _once.WaitAsync();
        try
        {
            if (_customers is null)
            {
                await api.UseIndianOrgAsync();
                var created = new long[Crowd];
                for (var i = 0; i < Crowd; i++)
                {
                    created[i] = await api.CreateCustomerAsync();
                }

                _customers = created;
            }

            return _customers;
        }
        finally
        {
            _once.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _once.Dispose();
        }
    }
}
