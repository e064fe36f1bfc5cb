using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// The discount in the bill's currency: a percentage of the bill (capped), or the fixed value converted from the
/// offer's currency with the org's exchange rates, rounded to the currency's minor unit.
/// </summary>
internal static class DiscountCalculator
{
    private static readonly HashSet<string> ZeroDecimalCurrencies = ["JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG"];

    public static async Task<Result<DiscountGiven>> CalculateAsync(CouponDbContext db, DiscountSettings d, decimal bill, string billCurrency, string baseCurrency, CancellationToken ct)
    {
        var offerCurrency = d.Currency ?? baseCurrency;
        if (d.Type == DiscountType.Percentage)
        {
            var amount = bill * d.Value / 100m;
            if (d.MaxAmount is { } cap)
            {
                var capHere = await ConvertAsync(db, cap, offerCurrency, billCurrency, baseCurrency, ct);
                if (!capHere.IsSuccess)
                {
                    return capHere.Error!;
                }

                amount = Math.Min(amount, capHere.Value);
            }

            return new DiscountGiven(d.Type, d.Value, Round(amount, billCurrency), billCurrency);
        }

        var converted = await ConvertAsync(db, d.Value, offerCurrency, billCurrency, baseCurrency, ct);
        return converted.IsSuccess
            ? new DiscountGiven(d.Type, d.Value, Round(Math.Min(converted.Value, bill), billCurrency), billCurrency)
            : converted.Error!;
    }

    public static decimal Round(decimal amount, string currency) =>
        Math.Round(amount, ZeroDecimalCurrencies.Contains(currency) ? 0 : 2, MidpointRounding.AwayFromZero);

    /// <summary>A direct rate, its inverse, or a path through the base currency.</summary>
    private static async Task<Result<decimal>> ConvertAsync(CouponDbContext db, decimal amount, string from, string to, string baseCurrency, CancellationToken ct)
    {
        if (from == to)
        {
            return amount;
        }

        if (await RateAsync(db, from, to, ct) is { } rate)
        {
            return amount * rate;
        }

        if (await RateAsync(db, from, baseCurrency, ct) is { } toBase && await RateAsync(db, baseCurrency, to, ct) is { } fromBase)
        {
            return amount * toBase * fromBase;
        }

        return Error.Rule(ErrorCodes.NoExchangeRate, $"There is no exchange rate from {from} to {to}; add one under Settings or PUT /api/v1/org/exchange-rates.");
    }

    private static async Task<decimal?> RateAsync(CouponDbContext db, string from, string to, CancellationToken ct)
    {
        if (from == to)
        {
            return 1m;
        }

        var rates = await db.ExchangeRates.AsNoTracking()
            .Where(r => (r.From == from && r.To == to) || (r.From == to && r.To == from)).ToListAsync(ct);
        var direct = rates.FirstOrDefault(r => r.From == from);
        var inverse = rates.FirstOrDefault(r => r.From == to);
        return direct?.Rate ?? (inverse is { Rate: > 0 } ? 1m / inverse.Rate : null);
    }
}
