using CouponAdmin.Core.Common;
using CouponAdmin.Tests.Issuance;

namespace CouponAdmin.Tests.Redemption;

/// <summary>Limits and idempotency hold when redemptions of one code arrive at the same moment.</summary>
public sealed class RedemptionConcurrencyTests : IAsyncLifetime
{
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task SimultaneousRedemptionsOfACodeLimitedToTenSucceedExactlyTenTimes()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Redemption.AnyoneCanRedeem = true;
            o.Redemption.CodeLimit = 10;
            o.Redemption.CustomerLimit = null;
        });
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);

        var results = await IssuanceTestBed.ReleasedTogetherAsync(40, _ => _bed.RedeemAsync(code, holder));

        var outcomes = RedemptionTestBed.Outcomes(results);
        Assert.Equal(10, outcomes.Count(o => o == "REDEEMED"));
        Assert.Equal(30, outcomes.Count(o => o == ErrorCodes.CodeRedemptionLimitReached));
        Assert.Equal(10, (await _bed.RedemptionsAsync(offer.Id)).Count);
        Assert.Equal(10, (await _bed.CouponAsync(offer.Id, code)).RedemptionCount);
    }

    [Fact]
    public async Task SimultaneousRepeatsWithOneKeyRedeemOnceAndAllGetTheSameAnswer()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 5);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var request = _bed.Request(code, holder);

        var results = await IssuanceTestBed.ReleasedTogetherAsync(10, _ => _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor, new CouponAdmin.Core.Redemption.IdempotencyKey("pos", "same-key")));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Message));
        Assert.Single(results.Select(r => r.Value!.RedemptionId).Distinct());
        Assert.Single(await _bed.RedemptionsAsync(offer.Id));
    }
}
