using CouponAdmin.Core.Common;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Tests.Issuance;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Redemption;

/// <summary>
/// Both ways of writing redemptions — SQLite's group commit (many calls, one transaction, a savepoint each) and a
/// transaction per call (for databases with concurrent writers) — give the same answers and leave the same rows.
/// </summary>
public sealed class RedemptionWriterTests : IAsyncLifetime
{
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACodeLimitedToTenIsRedeemedExactlyTenTimesByFortySimultaneousCalls(bool groupCommit)
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Redemption.AnyoneCanRedeem = true;
            o.Redemption.CodeLimit = 10;
            o.Redemption.CustomerLimit = null;
        });
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var redeemer = Redeemer(groupCommit);

        var results = await IssuanceTestBed.ReleasedTogetherAsync(40, _ => redeemer.ExecuteAsync(_bed.Request(code, holder), RedemptionTestBed.Actor));

        var outcomes = RedemptionTestBed.Outcomes(results);
        Assert.Equal(10, outcomes.Count(o => o == "REDEEMED"));
        Assert.Equal(30, outcomes.Count(o => o == ErrorCodes.CodeRedemptionLimitReached));
        Assert.Equal(10, (await _bed.CouponAsync(offer.Id, code)).RedemptionCount);
        Assert.Equal(10, (await _bed.RedemptionsAsync(offer.Id)).Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RefusalsAmongSimultaneousRedemptionsLeaveNoTraceAndTheOthersAreCounted(bool groupCommit)
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 1);
        var holders = await _bed.CustomersAsync(20);
        var codes = new List<string>();
        foreach (var holder in holders)
        {
            codes.Add(await _bed.IssuedCodeAsync(offer.Id, holder));
        }

        var redeemer = Redeemer(groupCommit);

        // Every holder's coupon twice at once: one of each pair is redeemed, the other refused by the customer limit.
        var results = await IssuanceTestBed.ReleasedTogetherAsync(40, i => redeemer.ExecuteAsync(_bed.Request(codes[i % 20], holders[i % 20]), RedemptionTestBed.Actor));

        var outcomes = RedemptionTestBed.Outcomes(results);
        Assert.Equal(20, outcomes.Count(o => o == "REDEEMED"));
        Assert.Equal(20, outcomes.Count(o => o == ErrorCodes.CustomerRedemptionLimitReached));
        Assert.All(await _bed.CouponsAsync(offer.Id), c => Assert.Equal(1, c.RedemptionCount));
        Assert.Equal(20, (await _bed.RedemptionsAsync(offer.Id)).Count);
        // Only holders redeem this offer: each coupon's own count is its holder's count, and no second counter is kept.
        Assert.Equal(0, await _bed.QueryAsync(db => db.CustomerCodeRedemptions.CountAsync(c => c.OfferId == offer.Id)));
        Assert.Equal(20, await _bed.QueryAsync(db => db.OfferDailyCounts.Where(d => d.OfferId == offer.Id).SumAsync(d => d.Redeemed)));
        // The day's count lives in one row where writers take turns (SQLite), and may be spread over the dialect's slots
        // where they run side by side (PostgreSQL): never more rows than slots, and the sum above is the count.
        var rows = await _bed.QueryAsync(db => db.OfferDailyCounts.Where(d => d.OfferId == offer.Id && d.Redeemed > 0).Select(d => d.Slot).ToListAsync());
        var slots = await _bed.QueryAsync(db => Task.FromResult(db.Dialect.CounterSlots));
        Assert.InRange(rows.Count, 1, slots);
        Assert.All(rows, slot => Assert.InRange(slot, 0, slots - 1));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ValidationsBetweenRedemptionsChangeNothingAndAnswerAsARedemptionWould(bool groupCommit)
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 1);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var validator = new ValidateCoupon(_bed.Database, _bed.Clock, new RedemptionOptions(groupCommit));
        var before = await _bed.StateAsync(offer.Id);

        var answers = await IssuanceTestBed.ReleasedTogetherAsync(20, _ => validator.ExecuteAsync(_bed.Request(code, holder)));

        Assert.All(answers, a => Assert.True(a.IsSuccess && a.Value!.RedemptionId is null, a.Error?.Message));
        Assert.Equal(before, await _bed.StateAsync(offer.Id));
        await Redeemer(groupCommit).ExecuteAsync(_bed.Request(code, holder), RedemptionTestBed.Actor);
        Assert.Equal(ErrorCodes.CustomerRedemptionLimitReached, (await validator.ExecuteAsync(_bed.Request(code, holder))).Error?.Code);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ASecondRedemptionInOnePosTransactionIsRefusedNamingTheFirst(bool groupCommit)
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 5);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var redeemer = Redeemer(groupCommit);
        var first = await redeemer.ExecuteAsync(_bed.Request(code, holder, transactionId: "POS-1"), RedemptionTestBed.Actor);

        var again = await redeemer.ExecuteAsync(_bed.Request(code, holder, transactionId: " POS-1 "), RedemptionTestBed.Actor);

        Assert.Equal(ErrorCodes.DuplicateTransaction, again.Error?.Code);
        Assert.Contains($"redemption {first.Value!.RedemptionId}", again.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await _bed.CouponAsync(offer.Id, code)).RedemptionCount);
    }

    private RedeemCoupon Redeemer(bool groupCommit) => new(_bed.Database, _bed.Clock, new RedemptionOptions(groupCommit));
}
