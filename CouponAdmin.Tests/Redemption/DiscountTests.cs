using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Redemption;

namespace CouponAdmin.Tests.Redemption;

/// <summary>The discount a redemption gives, in the store's currency: percentages with caps, converted fixed amounts, rounding.</summary>
public sealed class DiscountTests : IAsyncLifetime
{
    private readonly RedemptionTestBed _bed = new();

    public async Task InitializeAsync()
    {
        await _bed.InitializeAsync();
        await _bed.AddOrgAsync();
    }

    public Task DisposeAsync() => _bed.DisposeAsync();

    private async Task<Result<RedemptionOutcome>> RedeemAsync(DiscountSettings discount, decimal bill, string? storeId)
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Discount = discount);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        return await _bed.RedeemAsync(code, holder, bill, storeId);
    }

    private async Task<DiscountGiven> DiscountAsync(DiscountSettings discount, decimal bill, string? storeId)
    {
        var result = await RedeemAsync(discount, bill, storeId);
        Assert.True(result.IsSuccess, result.Error?.Code + ": " + result.Error?.Message);
        return result.Value!.Discount;
    }

    private static DiscountSettings Fixed(decimal value, string currency) => new() { Type = DiscountType.Fixed, Value = value, Currency = currency };

    private static DiscountSettings Percent(decimal value, decimal? cap = null, string? currency = null) =>
        new() { Type = DiscountType.Percentage, Value = value, MaxAmount = cap, Currency = currency };

    [Fact]
    public async Task APercentageIsTakenOfTheBill()
    {
        var given = await DiscountAsync(Percent(10, cap: 50), bill: 300m, "S1");

        Assert.Equal(new DiscountGiven(DiscountType.Percentage, 10, 30.00m, "INR"), given);
    }

    [Fact]
    public async Task APercentageStopsAtItsCap()
    {
        var given = await DiscountAsync(Percent(10, cap: 50), bill: 1000m, "S1");

        Assert.Equal(50m, given.Amount);
    }

    [Fact]
    public async Task ACapInAnotherCurrencyIsConvertedBeforeItApplies()
    {
        await _bed.RatesAsync(new ExchangeRateRequest("USD", "INR", 83.2m));

        var given = await DiscountAsync(Percent(10, cap: 5, currency: "USD"), bill: 10_000m, "S1");

        Assert.Equal((416.00m, "INR"), (given.Amount, given.Currency));
    }

    [Fact]
    public async Task AFixedAmountIsConvertedWithADirectRate()
    {
        await _bed.RatesAsync(new ExchangeRateRequest("USD", "INR", 83.2m));

        var given = await DiscountAsync(Fixed(10, "USD"), bill: 5000m, "S1");

        Assert.Equal(new DiscountGiven(DiscountType.Fixed, 10, 832.00m, "INR"), given);
    }

    [Fact]
    public async Task AFixedAmountIsConvertedWithTheInverseOfTheOppositeRate()
    {
        await _bed.RatesAsync(new ExchangeRateRequest("INR", "USD", 0.0125m));

        var given = await DiscountAsync(Fixed(10, "USD"), bill: 5000m, "S1");

        Assert.Equal((800.00m, "INR"), (given.Amount, given.Currency));
    }

    [Fact]
    public async Task AFixedAmountIsConvertedThroughTheBaseCurrencyWhenNoRateJoinsTheTwo()
    {
        // EUR → INR directly, INR → USD as the inverse of USD → INR: 10 × 90 ÷ 80 = 11.25.
        await _bed.RatesAsync(new ExchangeRateRequest("EUR", "INR", 90m), new ExchangeRateRequest("USD", "INR", 80m));

        var given = await DiscountAsync(Fixed(10, "EUR"), bill: 100m, "S3");

        Assert.Equal((11.25m, "USD"), (given.Amount, given.Currency));
    }

    [Fact]
    public async Task AFixedAmountWithNoExchangeRateIsRefusedAndNothingIsRedeemed()
    {
        await _bed.RatesAsync(new ExchangeRateRequest("USD", "INR", 83.2m));
        var offer = await _bed.ActiveOfferAsync(o => o.Discount = Fixed(5, "GBP"));
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var before = await _bed.StateAsync(offer.Id);

        var result = await _bed.RedeemAsync(code, holder, 1000m, "S1");

        Assert.Equal(ErrorCodes.NoExchangeRate, result.Error?.Code);
        Assert.Contains("GBP", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _bed.StateAsync(offer.Id));
    }

    [Fact]
    public async Task TheAmountIsRoundedToTwoDecimals()
    {
        var given = await DiscountAsync(Percent(12.5m), bill: 99.99m, "S1");

        Assert.Equal(12.50m, given.Amount);
        Assert.Equal(2, given.Amount.Scale);
    }

    [Fact]
    public async Task AConvertedAmountIsRoundedToWholeYen()
    {
        await _bed.RatesAsync(new ExchangeRateRequest("USD", "JPY", 150.37m));

        var given = await DiscountAsync(Fixed(10, "USD"), bill: 10_000m, "S4");

        Assert.Equal((1504m, "JPY"), (given.Amount, given.Currency));
    }

    [Fact]
    public async Task APercentageInYenIsRoundedToWholeYen()
    {
        var given = await DiscountAsync(Percent(10), bill: 1234m, "S4");

        Assert.Equal(123m, given.Amount);
    }

    [Fact]
    public async Task AFixedDiscountNeverExceedsTheBill()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Discount = Fixed(500, "INR"));
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);

        var redeemed = await _bed.RedeemedAsync(code, holder, bill: 300m, storeId: "S1");

        Assert.Equal(300m, redeemed.Discount.Amount);
        Assert.Equal(300m, Assert.Single(await _bed.RedemptionsAsync(offer.Id)).DiscountAmount);
    }

    [Fact]
    public async Task WithoutAStoreTheDiscountIsInTheBaseCurrency()
    {
        var given = await DiscountAsync(Fixed(100, "INR"), bill: 1000m, storeId: null);

        Assert.Equal((100m, "INR"), (given.Amount, given.Currency));
    }
}
