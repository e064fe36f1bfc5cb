using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Tests.Offers;

namespace CouponAdmin.Tests.Redemption;

/// <summary>
/// The seed's 14-row limit table, redeemed: each row's offer is built as the row describes (series limits in the
/// thousands scaled down to 3) and the limits are reached in the order the row's example tells.
/// </summary>
public sealed class RedemptionLimitTableTests : IAsyncLifetime
{
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    private Task<Offer> RowOfferAsync(string seriesType, bool anyone, int? code, int? customer, int? series) =>
        _bed.ActiveOfferAsync(o =>
        {
            var typed = TestOffers.OfSeriesType(seriesType);
            o.Coupon = typed.Coupon;
            o.Redemption.AnyoneCanRedeem = anyone;
            o.Redemption.CodeLimit = code;
            o.Redemption.CustomerLimit = customer;
            o.Redemption.SeriesLimit = series;
        });

    [Fact]
    public async Task Row1AGeneratedCodeForAnyoneIsRedeemedTenTimesOncePerCustomer()
    {
        var offer = await RowOfferAsync("Automatically Generated", anyone: true, code: 10, customer: 1, series: null);
        var customers = await _bed.CustomersAsync(11);
        var code = await _bed.IssuedCodeAsync(offer.Id, customers[0]);

        await _bed.RedeemedAsync(code, customers[0]);
        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await _bed.RedeemAsync(code, customers[0])).Error?.Code);
        for (var i = 1; i < 10; i++)
        {
            await _bed.RedeemedAsync(code, customers[i]);
        }

        Assert.Equal(ErrorCodes.CodeRedemptionLimitReached, (await _bed.RedeemAsync(code, customers[10])).Error?.Code);
        Assert.Equal(10, (await _bed.RedemptionsAsync(offer.Id)).Count);
        Assert.Equal(10, (await _bed.CouponAsync(offer.Id, code)).RedemptionCount);
    }

    [Fact]
    public async Task Row2ACodeLimitAndASeriesLimitWithoutACustomerLimit()
    {
        var offer = await RowOfferAsync("Automatically Generated", anyone: true, code: 2, customer: null, series: 3);
        var customers = await _bed.CustomersAsync(2);
        var first = await _bed.IssuedCodeAsync(offer.Id, customers[0]);
        var second = await _bed.IssuedCodeAsync(offer.Id, customers[1]);

        await _bed.RedeemedAsync(first, customers[0]);
        await _bed.RedeemedAsync(first, customers[0]);
        Assert.Equal(ErrorCodes.CodeRedemptionLimitReached, (await _bed.RedeemAsync(first, customers[1])).Error?.Code);
        await _bed.RedeemedAsync(second, customers[0]);
        Assert.Equal(ErrorCodes.SeriesRedemptionLimitReached, (await _bed.RedeemAsync(second, customers[1])).Error?.Code);
    }

    [Fact]
    public async Task Row4AGeneratedCodeWithOnlyACodeLimitIsRedeemedFiveTimesByAnyone()
    {
        var offer = await RowOfferAsync("Automatically Generated", anyone: true, code: 5, customer: null, series: null);
        var customers = await _bed.CustomersAsync(3);
        var code = await _bed.IssuedCodeAsync(offer.Id, customers[0]);

        // No customer limit: one customer may take several of the five uses.
        await _bed.RedeemedAsync(code, customers[0]);
        await _bed.RedeemedAsync(code, customers[0]);
        await _bed.RedeemedAsync(code, customers[1]);
        await _bed.RedeemedAsync(code, customers[1]);
        await _bed.RedeemedAsync(code, customers[2]);

        Assert.Equal(ErrorCodes.CodeRedemptionLimitReached, (await _bed.RedeemAsync(code, customers[2])).Error?.Code);
        Assert.Equal(5, (await _bed.RedemptionsAsync(offer.Id)).Count);
    }

    [Fact]
    public async Task Row5AGeneratedCodeForAnyoneOncePerCustomerUpToTheSeriesLimit()
    {
        var offer = await RowOfferAsync("Automatically Generated", anyone: true, code: null, customer: 1, series: 3);
        var customers = await _bed.CustomersAsync(4);
        var code = await _bed.IssuedCodeAsync(offer.Id, customers[0]);

        await _bed.RedeemedAsync(code, customers[0]);
        await _bed.RedeemedAsync(code, customers[1]);
        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await _bed.RedeemAsync(code, customers[1])).Error?.Code);
        await _bed.RedeemedAsync(code, customers[2]);

        Assert.Equal(ErrorCodes.SeriesRedemptionLimitReached, (await _bed.RedeemAsync(code, customers[3])).Error?.Code);
        Assert.Equal(3, (await _bed.StateAsync(offer.Id)).SeriesCount);
    }

    [Fact]
    public async Task Row6GeneratedCodesForTheirHoldersOnceEachUpToTheSeriesLimit()
    {
        var offer = await RowOfferAsync("Automatically Generated", anyone: false, code: null, customer: 1, series: 3);
        var customers = await _bed.CustomersAsync(4);
        var codes = new List<string>();
        foreach (var customer in customers)
        {
            codes.Add(await _bed.IssuedCodeAsync(offer.Id, customer));
        }

        await _bed.RedeemedAsync(codes[0], customers[0]);
        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await _bed.RedeemAsync(codes[0], customers[0])).Error?.Code);
        Assert.Equal(ErrorCodes.CouponNotIssuedToCustomer, (await _bed.RedeemAsync(codes[1], customers[0])).Error?.Code);
        await _bed.RedeemedAsync(codes[1], customers[1]);
        await _bed.RedeemedAsync(codes[2], customers[2]);

        Assert.Equal(ErrorCodes.SeriesRedemptionLimitReached, (await _bed.RedeemAsync(codes[3], customers[3])).Error?.Code);
    }

    [Fact]
    public async Task Row7ACommonCodeForEveryoneTwicePerCustomerUpToTheSeriesLimit()
    {
        var offer = await RowOfferAsync("Common Coupon Codes", anyone: true, code: null, customer: 2, series: 3);
        var customers = await _bed.CustomersAsync(3);
        var code = await _bed.IssuedCodeAsync(offer.Id, customers[0]);
        Assert.Equal("HOLIDAY20", code);

        await _bed.RedeemedAsync("holiday20", customers[0]);
        await _bed.RedeemedAsync(code, customers[0]);
        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await _bed.RedeemAsync(code, customers[0])).Error?.Code);
        await _bed.RedeemedAsync(code, customers[1]);

        Assert.Equal(ErrorCodes.SeriesRedemptionLimitReached, (await _bed.RedeemAsync(code, customers[2])).Error?.Code);
        Assert.Equal(3, (await _bed.RedemptionsAsync(offer.Id)).Count);
    }

    [Fact]
    public async Task Row7ACommonCodeHeldByManyCountsEachHolderSeparately()
    {
        var offer = await RowOfferAsync("Common Coupon Codes", anyone: true, code: null, customer: 2, series: 5);
        var customers = await _bed.CustomersAsync(2);
        var code = await _bed.IssuedCodeAsync(offer.Id, customers[0]);
        Assert.Equal(code, await _bed.IssuedCodeAsync(offer.Id, customers[1]));

        await _bed.RedeemedAsync(code, customers[0]);
        await _bed.RedeemedAsync(code, customers[0]);
        await _bed.RedeemedAsync(code, customers[1]);
        await _bed.RedeemedAsync(code, customers[1]);

        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await _bed.RedeemAsync(code, customers[1])).Error?.Code);
        Assert.Equal([customers[0], customers[0], customers[1], customers[1]], (await _bed.RedemptionsAsync(offer.Id)).Select(r => r.CustomerId));
    }

    [Fact]
    public async Task Row8AnUploadedCodeSharedWithCodeCustomerAndSeriesLimits()
    {
        var offer = await RowOfferAsync("Capillary-Uploaded", anyone: true, code: 2, customer: 1, series: 3);
        await _bed.AddUnissuedCodesAsync(offer.Id, "BLOG0001", "BLOG0002");
        var customers = await _bed.CustomersAsync(4);
        await _bed.IssuedCodeAsync(offer.Id, customers[0], "BLOG0001");
        await _bed.IssuedCodeAsync(offer.Id, customers[1], "BLOG0002");

        await _bed.RedeemedAsync("BLOG0001", customers[0]);
        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await _bed.RedeemAsync("BLOG0001", customers[0])).Error?.Code);
        await _bed.RedeemedAsync("BLOG0001", customers[1]);
        Assert.Equal(ErrorCodes.CodeRedemptionLimitReached, (await _bed.RedeemAsync("BLOG0001", customers[2])).Error?.Code);
        await _bed.RedeemedAsync("BLOG0002", customers[2]);
        Assert.Equal(ErrorCodes.SeriesRedemptionLimitReached, (await _bed.RedeemAsync("BLOG0002", customers[3])).Error?.Code);
    }

    [Fact]
    public async Task Row13UploadedCodesForTheirHoldersOnceEachUpToTheSeriesLimit()
    {
        var offer = await RowOfferAsync("Capillary-Uploaded", anyone: false, code: null, customer: 1, series: 3);
        await _bed.AddUnissuedCodesAsync(offer.Id, "UPL0001", "UPL0002", "UPL0003", "UPL0004");
        var customers = await _bed.CustomersAsync(4);
        for (var i = 0; i < 4; i++)
        {
            await _bed.IssuedCodeAsync(offer.Id, customers[i], $"UPL000{i + 1}");
        }

        await _bed.RedeemedAsync("UPL0001", customers[0]);
        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await _bed.RedeemAsync("UPL0001", customers[0])).Error?.Code);
        Assert.Equal(ErrorCodes.CouponNotIssuedToCustomer, (await _bed.RedeemAsync("UPL0002", customers[0])).Error?.Code);
        await _bed.RedeemedAsync("upl-0002", customers[1]);
        await _bed.RedeemedAsync("UPL0003", customers[2]);

        Assert.Equal(ErrorCodes.SeriesRedemptionLimitReached, (await _bed.RedeemAsync("UPL0004", customers[3])).Error?.Code);
        Assert.Equal(3, (await _bed.RedemptionsAsync(offer.Id)).Count);
    }

    [Fact]
    public async Task Row14ThirdPartyCodesAreRedeemedByTheirHolderOnlyWithinTheCustomerLimit()
    {
        var offer = await RowOfferAsync("Third-Party Uploaded", anyone: false, code: null, customer: 2, series: 3);
        var customers = await _bed.CustomersAsync(2);
        await _bed.AddHeldCodeAsync(offer.Id, "TP0001", customers[0]);

        Assert.Equal(ErrorCodes.CouponNotIssuedToCustomer, (await _bed.RedeemAsync("TP0001", customers[1])).Error?.Code);
        await _bed.RedeemedAsync("TP0001", customers[0]);
        await _bed.RedeemedAsync("TP0001", customers[0]);
        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await _bed.RedeemAsync("TP0001", customers[0])).Error?.Code);
    }
}
