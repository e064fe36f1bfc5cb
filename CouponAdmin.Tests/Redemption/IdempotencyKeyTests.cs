using CouponAdmin.Core.Common;
using CouponAdmin.Core.Redemption;

namespace CouponAdmin.Tests.Redemption;

/// <summary>
/// What an Idempotency-Key is: a value within its caller's scope (each API key, the uploads), white space around it
/// ignored, blank meaning none, and at most 100 characters.
/// </summary>
public sealed class IdempotencyKeyTests : IAsyncLifetime
{
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    private static IdempotencyKey Key(string value) => new("test", value);

    [Fact]
    public async Task TheSameKeyInAnotherScopeIsAnotherKey()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 5);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var request = _bed.Request(code, holder, bill: 1200m);

        var first = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor, IdempotencyKey.ForApiKey(1, "till-7"));
        // Another POS that happens to choose the same key, for a sale of its own.
        var otherSale = request with { BillAmount = 1300m, TransactionId = request.TransactionId + "-B" };
        var otherKeysRequest = await _bed.Redeemer.ExecuteAsync(otherSale, RedemptionTestBed.Actor, IdempotencyKey.ForApiKey(2, "till-7"));
        var repeat = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor, IdempotencyKey.ForApiKey(1, "till-7"));

        Assert.True(otherKeysRequest.IsSuccess, otherKeysRequest.Error?.Message);
        Assert.NotEqual(first.Value!.RedemptionId, otherKeysRequest.Value!.RedemptionId);
        Assert.Equal(first.Value, repeat.Value);
        Assert.Equal(2, (await _bed.RedemptionsAsync(offer.Id)).Count);
    }

    [Fact]
    public async Task AKeyIsTheSameKeyWithWhitespaceAroundIt()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 5);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var request = _bed.Request(code, holder);

        var first = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor, Key("key-5"));
        var again = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor, Key(" key-5\u00A0"));

        Assert.Equal(first.Value, again.Value);
        Assert.Single(await _bed.RedemptionsAsync(offer.Id));
    }

    [Fact]
    public async Task ABlankKeyIsNoKey()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 5);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var request = _bed.Request(code, holder);

        // Were a blank header a key, the second sale (another body) would be refused as a reused key.
        var first = await _bed.Redeemer.ExecuteAsync(request, RedemptionTestBed.Actor, Key("  "));
        var second = await _bed.Redeemer.ExecuteAsync(request with { TransactionId = request.TransactionId + "-B" }, RedemptionTestBed.Actor, Key(""));

        Assert.True(second.IsSuccess, second.Error?.Message);
        Assert.NotEqual(first.Value!.RedemptionId, second.Value!.RedemptionId);
    }

    [Fact]
    public async Task AKeyOverAHundredCharactersIsRefusedBeforeAnythingIsRedeemed()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 5);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);

        var refused = await _bed.Redeemer.ExecuteAsync(_bed.Request(code, holder), RedemptionTestBed.Actor, Key(new string('k', 101)));

        Assert.Equal(ErrorCodes.ValidationFailed, refused.Error?.Code);
        Assert.Contains("101", Assert.Single(refused.Error!.Fields!, f => f.Path == "Idempotency-Key").Message, StringComparison.Ordinal);
        Assert.Empty(await _bed.RedemptionsAsync(offer.Id));
    }
}
