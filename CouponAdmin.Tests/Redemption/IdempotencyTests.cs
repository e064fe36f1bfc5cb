using CouponAdmin.Core.Common;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Tests.Offers;

namespace CouponAdmin.Tests.Redemption;

/// <summary>A repeated redeem with the same Idempotency-Key answers as the first time and redeems nothing more.</summary>
public sealed class IdempotencyTests : IAsyncLifetime
{
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    private static IdempotencyKey Key(string value) => new("test", value);

    [Fact]
    public async Task TheSameKeyAndBodyTwiceGiveTheSameRedemptionAndRedeemOnce()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 5);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var request = _bed.Request(code, holder, bill: 1200m);

        var first = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor, Key("key-1"));
        var again = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor, Key("key-1"));

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.True(again.IsSuccess, again.Error?.Message);
        Assert.Equal(first.Value, again.Value);
        Assert.Single(await _bed.RedemptionsAsync(offer.Id));
        Assert.Equal(1, (await _bed.CouponAsync(offer.Id, code)).RedemptionCount);
    }

    [Fact]
    public async Task ARepeatIsAnsweredEvenWhenTheLimitIsNowReached()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 1);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var request = _bed.Request(code, holder);

        var first = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor, Key("pos-42"));
        var again = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor, Key("pos-42"));

        Assert.True(again.IsSuccess, again.Error?.Message);
        Assert.Equal(first.Value!.RedemptionId, again.Value!.RedemptionId);
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBodyIsRefused()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 5);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var request = _bed.Request(code, holder, bill: 1200m);
        await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor, Key("key-2"));
        var before = await _bed.StateAsync(offer.Id);

        var reused = await _bed.Redeemer.ExecuteAsync(request with { BillAmount = 1300m }, RedemptionTestBed.Actor, Key("key-2"));

        Assert.Equal(ErrorCodes.IdempotencyKeyReused, reused.Error?.Code);
        Assert.Equal(before, await _bed.StateAsync(offer.Id));
    }

    [Fact]
    public async Task AKeyedRefusalRepeatedReturnsTheSameRefusalEvenOnceItWouldSucceed()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.StartsAt = TestOffers.Now.AddHours(1));
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var request = _bed.Request(code, holder);

        var first = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor, Key("key-3"));
        _bed.Clock.Advance(TimeSpan.FromHours(2));
        var again = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor, Key("key-3"));

        Assert.Equal(ErrorCodes.RedemptionNotStarted, first.Error?.Code);
        Assert.Equal((first.Error!.Code, first.Error.Message), (again.Error?.Code, again.Error?.Message));
        Assert.Empty(await _bed.RedemptionsAsync(offer.Id));

        var freshKey = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor, Key("key-4"));
        Assert.True(freshKey.IsSuccess, freshKey.Error?.Message);
    }

    [Fact]
    public async Task WithoutAKeyTheSameBodyIsADuplicateTransactionAndRedeemsNothingMore()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 5);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var request = _bed.Request(code, holder);

        var first = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor);
        var second = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor);
        var third = await _bed.Redeemer.ExecuteAsync(request with { TransactionId = request.TransactionId + "-B" }, RedemptionTestBed.Actor);

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.Equal(ErrorCodes.DuplicateTransaction, second.Error?.Code);
        Assert.True(third.IsSuccess, third.Error?.Message);
        Assert.Equal(2, (await _bed.RedemptionsAsync(offer.Id)).Count);
    }
}
