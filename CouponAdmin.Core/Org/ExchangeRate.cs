namespace CouponAdmin.Core.Org;

/// <summary>How many units of <see cref="To"/> one unit of <see cref="From"/> buys.</summary>
public sealed class ExchangeRate(string from, string to, decimal rate)
{
    public string From { get; private set; } = from;
    public string To { get; private set; } = to;
    public decimal Rate { get; set; } = rate;
}
