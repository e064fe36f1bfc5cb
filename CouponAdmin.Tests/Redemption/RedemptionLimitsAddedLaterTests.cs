using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Tests.Offers;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Redemption;

/// <summary>
/// A level without a limit keeps no counter; setting a limit on a live offer rebuilds the counters from the
/// redemptions so far, so what was redeemed before counts against the new limit.
/// </summary>
public sealed class RedemptionLimitsAddedLaterTests : IAsyncLifetime
{
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    private async Task UpdateAsync(long offerId, Action<OfferDefinition> change)
    {
        var updated = await new UpdateOffer(_bed.Database, _bed.Clock).ExecuteAsync(offerId, TestOffers.Valid(change), RedemptionTestBed.Actor);
        Assert.True(updated.IsSuccess, updated.Error?.Message + " " + string.Join("; ", updated.Error?.Fields?.Select(f => f.Path + ": " + f.Message) ?? []));
    }

    [Fact]
    public async Task ACustomerLimitSetAfterTwoRedemptionsRefusesTheNextOne()
    {
        static void NoLimit(OfferDefinition o) => o.Redemption.CustomerLimit = null;
        var offer = await _bed.ActiveOfferAsync(NoLimit);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        await _bed.RedeemedAsync(code, holder);
        await _bed.RedeemedAsync(code, holder);

        await UpdateAsync(offer.Id, o => o.Redemption.CustomerLimit = 2);

        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await _bed.RedeemAsync(code, holder)).Error?.Code);
        Assert.Equal(2, (await _bed.RedemptionsAsync(offer.Id)).Count);
    }

    [Fact]
    public async Task ACustomerLimitSetLaterCountsOnlyWhatIsLeft()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = null);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        await _bed.RedeemedAsync(code, holder);
        await _bed.RedeemedAsync(code, holder);

        await UpdateAsync(offer.Id, o => o.Redemption.CustomerLimit = 3);

        await _bed.RedeemedAsync(code, holder);
        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await _bed.RedeemAsync(code, holder)).Error?.Code);
    }

    [Fact]
    public async Task ACustomerLimitSetLaterIgnoresReversedRedemptions()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = null);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var first = await _bed.RedeemedAsync(code, holder);
        await _bed.RedeemedAsync(code, holder);
        Assert.True((await _bed.Reverser.ExecuteAsync(first.RedemptionId!.Value, RedemptionTestBed.Actor)).IsSuccess);

        await UpdateAsync(offer.Id, o => o.Redemption.CustomerLimit = 2);

        await _bed.RedeemedAsync(code, holder);
        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await _bed.RedeemAsync(code, holder)).Error?.Code);
    }

    [Fact]
    public async Task OpeningAHolderOnlyOfferToAnyoneKeepsWhatTheHolderRedeemedAgainstTheCustomerLimit()
    {
        // Holder-only: the coupon's own count carried the customer limit and no per-customer counter was kept.
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 1);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        await _bed.RedeemedAsync(code, holder);
        Assert.Equal(0, await _bed.QueryAsync(db => db.CustomerCodeRedemptions.CountAsync(c => c.OfferId == offer.Id)));

        await UpdateAsync(offer.Id, o =>
        {
            o.Redemption.CustomerLimit = 1;
            o.Redemption.AnyoneCanRedeem = true;
            o.Redemption.CodeLimit = 5;
        });

        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await _bed.RedeemAsync(code, holder)).Error?.Code);
        var someoneElse = await _bed.CustomerAsync();
        await _bed.RedeemedAsync(code, someoneElse);
        Assert.Equal(2, (await _bed.RedemptionsAsync(offer.Id)).Count);
    }

    [Fact]
    public async Task ASeriesLimitSetLaterCountsTheRedemptionsSoFar()
    {
        var offer = await _bed.ActiveOfferAsync(_ => { });
        var customers = await _bed.CustomersAsync(3);
        var codes = new List<string>();
        foreach (var customer in customers)
        {
            codes.Add(await _bed.IssuedCodeAsync(offer.Id, customer));
        }

        await _bed.RedeemedAsync(codes[0], customers[0]);
        await _bed.RedeemedAsync(codes[1], customers[1]);

        await UpdateAsync(offer.Id, o => o.Redemption.SeriesLimit = 2);

        Assert.Equal(ErrorCodes.SeriesRedemptionLimitReached, (await _bed.RedeemAsync(codes[2], customers[2])).Error?.Code);
    }

    [Fact]
    public async Task AGapSetLaterCountsFromTheLastRedemption()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = null);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        await _bed.RedeemedAsync(code, holder);

        await UpdateAsync(offer.Id, o =>
        {
            o.Redemption.CustomerLimit = null;
            o.Redemption.MinGapDays = 1;
        });

        _bed.Clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(ErrorCodes.RedemptionGapNotMet, (await _bed.RedeemAsync(code, holder)).Error?.Code);
        _bed.Clock.Advance(TimeSpan.FromHours(18));
        await _bed.RedeemedAsync(code, holder);
    }
}
