namespace CouponAdmin.Core.Org;

/// <summary>The org's exchange rates held in memory: a rate as stored, or the inverse of the opposite one.</summary>
public sealed class ExchangeRateTable(IEnumerable<ExchangeRate> rates)
{
    private readonly Dictionary<(string From, string To), decimal> _rates = rates.ToDictionary(r => (r.From, r.To), r => r.Rate);

    /// <summary>Units of <paramref name="to"/> one unit of <paramref name="from"/> buys, or null when no rate says.</summary>
    public decimal? Rate(string from, string to)
    {
        if (from == to)
        {
            return 1m;
        }

        if (_rates.TryGetValue((from, to), out var direct))
        {
            return direct;
        }

        return _rates.TryGetValue((to, from), out var inverse) && inverse > 0 ? 1m / inverse : null;
    }
}
