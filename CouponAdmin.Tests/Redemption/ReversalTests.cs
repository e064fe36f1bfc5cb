using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Revocation;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Redemption;

/// <summary>Reversing a redemption: the row stays but is inactive, every count is given back and the coupon is reinstated.</summary>
public sealed class ReversalTests : IAsyncLifetime
{
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    private async Task<(long OfferId, string Code, long Holder, long RedemptionId)> RedeemedAsync(Action<OfferDefinition> change)
    {
        var offer = await _bed.ActiveOfferAsync(change);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var redeemed = await _bed.RedeemedAsync(code, holder);
        return (offer.Id, code, holder, redeemed.RedemptionId!.Value);
    }

    [Fact]
    public async Task ReversingMarksTheRedemptionInactiveAndReinstatesTheCoupon()
    {
        var (offerId, code, holder, redemptionId) = await RedeemedAsync(o => o.Redemption.SeriesLimit = 1);
        _bed.Clock.Advance(TimeSpan.FromHours(1));
        var reversedAt = _bed.Clock.GetUtcNow();

        var reversed = await _bed.Reverser.ExecuteAsync(redemptionId, RedemptionTestBed.Actor);

        Assert.True(reversed.IsSuccess, reversed.Error?.Message);
        Assert.Equal((code, CouponStatus.Issued, 0, true), (reversed.Value!.Code, reversed.Value.Status, reversed.Value.RedemptionCount, reversed.Value.IsReversed));
        var row = Assert.Single(await _bed.RedemptionsAsync(offerId));
        Assert.False(row.Active);
        Assert.Equal(reversedAt, row.ReversedAt);
        var state = await _bed.StateAsync(offerId);
        // Only the holder redeems this offer, so the coupon's count above (0) is the customer's: no counter row is kept.
        Assert.Equal("", state.CustomerCounts);
        Assert.Equal(0, state.SeriesCount);
    }

    [Fact]
    public async Task AfterAReversalTheCustomerCanRedeemAgainWithinALimitOfOne()
    {
        var (offerId, code, holder, redemptionId) = await RedeemedAsync(o =>
        {
            o.Redemption.CustomerLimit = 1;
            o.Redemption.SeriesLimit = 1;
        });
        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await _bed.RedeemAsync(code, holder)).Error?.Code);

        Assert.True((await _bed.Reverser.ExecuteAsync(redemptionId, RedemptionTestBed.Actor)).IsSuccess);

        await _bed.RedeemedAsync(code, holder);
        Assert.Equal([false, true], (await _bed.RedemptionsAsync(offerId)).Select(r => r.Active));
    }

    [Fact]
    public async Task AReversalGivesTheCodeLimitBackForAnotherCustomer()
    {
        var (_, code, _, redemptionId) = await RedeemedAsync(o =>
        {
            o.Redemption.AnyoneCanRedeem = true;
            o.Redemption.CodeLimit = 1;
        });
        var other = await _bed.CustomerAsync();
        Assert.Equal(ErrorCodes.CodeRedemptionLimitReached, (await _bed.RedeemAsync(code, other)).Error?.Code);

        Assert.True((await _bed.Reverser.ExecuteAsync(redemptionId, RedemptionTestBed.Actor)).IsSuccess);

        await _bed.RedeemedAsync(code, other);
    }

    [Fact]
    public async Task AReversalGivesTheGapBack()
    {
        var (_, code, holder, redemptionId) = await RedeemedAsync(o =>
        {
            o.Redemption.CustomerLimit = 3;
            o.Redemption.MinGapDays = 1;
        });
        _bed.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ErrorCodes.RedemptionGapNotMet, (await _bed.RedeemAsync(code, holder)).Error?.Code);

        Assert.True((await _bed.Reverser.ExecuteAsync(redemptionId, RedemptionTestBed.Actor)).IsSuccess);

        await _bed.RedeemedAsync(code, holder);
    }

    [Fact]
    public async Task ReversingTwiceIsRefusedAsAlreadyReversed()
    {
        var (offerId, _, _, redemptionId) = await RedeemedAsync(_ => { });
        Assert.True((await _bed.Reverser.ExecuteAsync(redemptionId, RedemptionTestBed.Actor)).IsSuccess);
        var before = await _bed.StateAsync(offerId);

        var again = await _bed.Reverser.ExecuteAsync(redemptionId, RedemptionTestBed.Actor);

        Assert.Equal(ErrorCodes.AlreadyReversed, again.Error?.Code);
        Assert.Equal(before, await _bed.StateAsync(offerId));
    }

    [Fact]
    public async Task ReversingAnUnknownRedemptionIsRefusedAsNotFound()
    {
        var result = await _bed.Reverser.ExecuteAsync(424_242, RedemptionTestBed.Actor);

        Assert.Equal(ErrorCodes.RedemptionNotFound, result.Error?.Code);
        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
    }

    [Fact]
    public async Task ARedemptionOfACouponRevokedAfterwardsCannotBeReversed()
    {
        var (offerId, code, _, redemptionId) = await RedeemedAsync(o => o.Redemption.CustomerLimit = 2);
        // Revoking never touches a coupon once redeemed, so the revoked state is written as it would stand.
        Assert.Equal(0, (await _bed.Revoker.ExecuteAsync(new RevokeRequest(offerId, RevokeMode.AllUnredeemed), RedemptionTestBed.Actor)).Value);
        await _bed.QueryAsync(db => db.Coupons.Where(c => c.OfferId == offerId && c.Code == code)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CouponStatus.Revoked)));
        var before = await _bed.StateAsync(offerId);

        var result = await _bed.Reverser.ExecuteAsync(redemptionId, RedemptionTestBed.Actor);

        Assert.Equal(ErrorCodes.CouponNotReversible, result.Error?.Code);
        Assert.Equal(before, await _bed.StateAsync(offerId));
    }

    [Fact]
    public async Task ARedemptionOfACouponExpiredAfterwardsCannotBeReversed()
    {
        var (offerId, _, _, redemptionId) = await RedeemedAsync(o => o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 0 });
        _bed.Clock.Advance(TimeSpan.FromDays(2));
        var before = await _bed.StateAsync(offerId);

        var result = await _bed.Reverser.ExecuteAsync(redemptionId, RedemptionTestBed.Actor);

        Assert.Equal(ErrorCodes.CouponNotReversible, result.Error?.Code);
        Assert.Equal(before, await _bed.StateAsync(offerId));
    }

    [Fact]
    public async Task TheCouponLookupShowsTheReversalAndWhenItHappened()
    {
        var (_, code, _, redemptionId) = await RedeemedAsync(_ => { });
        var redeemedView = await _bed.Queries.ByCodeAsync(code);
        Assert.Equal((CouponStatus.Redeemed, false), (redeemedView.Value!.Status, redeemedView.Value.IsReversed));
        _bed.Clock.Advance(TimeSpan.FromMinutes(45));
        var reversedAt = _bed.Clock.GetUtcNow();
        Assert.True((await _bed.Reverser.ExecuteAsync(redemptionId, RedemptionTestBed.Actor)).IsSuccess);
        _bed.Clock.Advance(TimeSpan.FromMinutes(5));

        var view = (await _bed.Queries.ByCodeAsync(code)).Value!;

        Assert.True(view.IsReversed);
        Assert.Equal(reversedAt, view.LastStatusChangeOn);
        Assert.Equal(CouponStatus.Issued, view.Status);
        var shown = Assert.Single(view.Redemptions);
        Assert.Equal((redemptionId, false, (DateTimeOffset?)reversedAt), (shown.Id, shown.Active, shown.ReversedAt));
    }
}
