using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Core.Revocation;

namespace CouponAdmin.Tests.Redemption;

/// <summary>Validate answers exactly as redeem would (refusal code or discount) and writes nothing.</summary>
public sealed class ValidateTests : IAsyncLifetime
{
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    private async Task<(long OfferId, string Code, long Holder)> IssuedAsync(Action<OfferDefinition> change)
    {
        var offer = await _bed.ActiveOfferAsync(change);
        var holder = await _bed.CustomerAsync();
        return (offer.Id, await _bed.IssuedCodeAsync(offer.Id, holder), holder);
    }

    /// <summary>Validates (checking nothing is written), then redeems the same request; returns both answers.</summary>
    private async Task<(Result<RedemptionOutcome> Validated, Result<RedemptionOutcome> Redeemed)> BothAsync(long offerId, RedeemRequest request)
    {
        var before = await _bed.StateAsync(offerId);
        var validated = await _bed.Validator.ExecuteAsync(request);
        Assert.Equal(before, await _bed.StateAsync(offerId));
        var redeemed = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor);
        return (validated, redeemed);
    }

    private async Task SameRefusalAsync(long offerId, RedeemRequest request, string expectedCode)
    {
        var (validated, redeemed) = await BothAsync(offerId, request);

        Assert.Equal(expectedCode, validated.Error?.Code);
        Assert.Equal(expectedCode, redeemed.Error?.Code);
    }

    [Fact]
    public async Task ValidatingAGoodCouponGivesTheDiscountWithoutRedeeming()
    {
        var (offerId, code, holder) = await IssuedAsync(o => o.Discount = new DiscountSettings { Type = DiscountType.Percentage, Value = 15, MaxAmount = 100 });
        var request = _bed.Request(code, holder, bill: 600m);

        var (validated, redeemed) = await BothAsync(offerId, request);

        Assert.True(validated.IsSuccess, validated.Error?.Message);
        Assert.Null(validated.Value!.RedemptionId);
        Assert.Equal(90m, validated.Value.Discount.Amount);
        Assert.Equal(redeemed.Value!.Discount, validated.Value.Discount);
        Assert.Equal((redeemed.Value.Code, redeemed.Value.OfferId, redeemed.Value.CustomerId), (validated.Value.Code, validated.Value.OfferId, validated.Value.CustomerId));
    }

    [Fact]
    public async Task ValidatingManyTimesLeavesTheCouponRedeemable()
    {
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.CustomerLimit = 1);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await _bed.Validator.ExecuteAsync(_bed.Request(code, holder))).IsSuccess);
        }

        await _bed.RedeemedAsync(code, holder);
        Assert.Single(await _bed.RedemptionsAsync(offerId));
    }

    [Fact]
    public async Task ValidateRefusesAnotherCustomersCouponAsRedeemDoes()
    {
        var (offerId, code, _) = await IssuedAsync(_ => { });
        var other = await _bed.CustomerAsync();

        await SameRefusalAsync(offerId, _bed.Request(code, other), ErrorCodes.CouponNotIssuedToCustomer);
    }

    [Fact]
    public async Task ValidateRefusesALowBillAsRedeemDoes()
    {
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.MinBill = 500m);

        await SameRefusalAsync(offerId, _bed.Request(code, holder, bill: 499m), ErrorCodes.BillAmountTooLow);
    }

    [Fact]
    public async Task ValidateRefusesAnExpiredCouponAsRedeemDoes()
    {
        var (offerId, code, holder) = await IssuedAsync(o => o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 0 });
        _bed.Clock.Advance(TimeSpan.FromDays(1));

        await SameRefusalAsync(offerId, _bed.Request(code, holder), ErrorCodes.CouponExpired);
    }

    [Fact]
    public async Task ValidateRefusesARevokedCouponAsRedeemDoes()
    {
        var (offerId, code, holder) = await IssuedAsync(_ => { });
        await _bed.Revoker.ExecuteAsync(new RevokeRequest(offerId, RevokeMode.AllUnredeemed), RedemptionTestBed.Actor);

        await SameRefusalAsync(offerId, _bed.Request(code, holder), ErrorCodes.CouponRevoked);
    }

    [Fact]
    public async Task ValidateRefusesAnUnknownCodeAsRedeemDoes()
    {
        var (offerId, _, holder) = await IssuedAsync(_ => { });

        await SameRefusalAsync(offerId, _bed.Request("NOPE1234", holder), ErrorCodes.CouponNotFound);
    }

    [Fact]
    public async Task ValidateRefusesWhenTheCustomerLimitIsReachedAndWritesNothing()
    {
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.CustomerLimit = 1);
        await _bed.RedeemedAsync(code, holder);

        await SameRefusalAsync(offerId, _bed.Request(code, holder), ErrorCodes.CustomerRedemptionLimitReached);
    }

    [Fact]
    public async Task ValidateRefusesWhenTheCodeLimitIsReached()
    {
        var (offerId, code, holder) = await IssuedAsync(o =>
        {
            o.Redemption.AnyoneCanRedeem = true;
            o.Redemption.CodeLimit = 1;
        });
        await _bed.RedeemedAsync(code, holder);
        var other = await _bed.CustomerAsync();

        await SameRefusalAsync(offerId, _bed.Request(code, other), ErrorCodes.CodeRedemptionLimitReached);
    }

    [Fact]
    public async Task ValidateRefusesWhenTheSeriesLimitIsReached()
    {
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.SeriesLimit = 1);
        await _bed.RedeemedAsync(code, holder);
        var other = await _bed.CustomerAsync();
        var otherCode = await _bed.IssuedCodeAsync(offerId, other);

        await SameRefusalAsync(offerId, _bed.Request(otherCode, other), ErrorCodes.SeriesRedemptionLimitReached);
    }

    [Fact]
    public async Task ValidateRefusesWithinTheGapAndDoesNotMoveIt()
    {
        var (offerId, code, holder) = await IssuedAsync(o =>
        {
            o.Redemption.CustomerLimit = 5;
            o.Redemption.MinGapDays = 1;
        });
        Assert.True((await _bed.Validator.ExecuteAsync(_bed.Request(code, holder))).IsSuccess);
        await _bed.RedeemedAsync(code, holder);
        _bed.Clock.Advance(TimeSpan.FromHours(12));

        await SameRefusalAsync(offerId, _bed.Request(code, holder), ErrorCodes.RedemptionGapNotMet);
    }

    [Fact]
    public async Task ValidateBelowALimitDoesNotUseUpAnyOfIt()
    {
        var (offerId, code, holder) = await IssuedAsync(o =>
        {
            o.Redemption.CustomerLimit = 2;
            o.Redemption.SeriesLimit = 2;
        });
        await _bed.RedeemedAsync(code, holder);
        var before = await _bed.StateAsync(offerId);

        Assert.True((await _bed.Validator.ExecuteAsync(_bed.Request(code, holder))).IsSuccess);
        Assert.True((await _bed.Validator.ExecuteAsync(_bed.Request(code, holder))).IsSuccess);

        Assert.Equal(before, await _bed.StateAsync(offerId));
        await _bed.RedeemedAsync(code, holder);
        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await _bed.Validator.ExecuteAsync(_bed.Request(code, holder))).Error?.Code);
    }
}
