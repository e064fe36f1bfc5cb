using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// The discount in the bill's currency: a percentage of the bill (capped), or the fixed value converted from the
/// offer's currency with the org's exchange rates, rounded to the currency's minor unit.
/// </summary>
internal static class DiscountCalculator
{
    private static readonly HashSet<string> ZeroDecimalCurrencies = ["JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG"];

    public static Result<DiscountGiven> Calculate(ExchangeRateTable rates, DiscountSettings d, decimal bill, string billCurrency, string baseCurrency)
    {
        var offerCurrency = d.Currency ?? baseCurrency;
        if (d.Type == DiscountType.Percentage)
        {
            var amount = bill * d.Value / 100m;
            if (d.MaxAmount is { } cap)
            {
                var capHere = Convert(rates, cap, offerCurrency, billCurrency, baseCurrency);
                if (!capHere.IsSuccess)
                {
                    return capHere.Error;
                }

                amount = Math.Min(amount, capHere.Value);
            }

            return new DiscountGiven(d.Type, d.Value, Round(amount, billCurrency), billCurrency);
        }

        var converted = Convert(rates, d.Value, offerCurrency, billCurrency, baseCurrency);
        return converted.IsSuccess
            ? new DiscountGiven(d.Type, d.Value, Round(Math.Min(converted.Value, bill), billCurrency), billCurrency)
            : converted.Error;
    }

    public static decimal Round(decimal amount, string currency) =>
        Math.Round(amount, ZeroDecimalCurrencies.Contains(currency) ? 0 : 2, MidpointRounding.AwayFromZero);

    /// <summary>A direct rate, its inverse, or a path through the base currency.</summary>
    private static Result<decimal> Convert(ExchangeRateTable rates, decimal amount, string from, string to, string baseCurrency)
    {
        if (from == to)
        {
            return amount;
        }

        if (rates.Rate(from, to) is { } rate)
        {
            return amount * rate;
        }

        if (rates.Rate(from, baseCurrency) is { } toBase && rates.Rate(baseCurrency, to) is { } fromBase)
        {
            return amount * toBase * fromBase;
        }

        return Error.Rule(ErrorCodes.NoExchangeRate, $"There is no exchange rate from {from} to {to}; add one under Settings or PUT /api/v1/org/exchange-rates.");
    }
}
