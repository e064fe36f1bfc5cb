using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Tests.Redemption;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Pos;

/// <summary>
/// The point-of-sale snapshot is rebuilt when the config version moves: every change of what it holds must move it (the
/// triggers do it; a future migration that rebuilds one of these tables must keep them), and nothing else should.
/// </summary>
public sealed class ConfigVersionTests : IAsyncLifetime
{
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task EveryChangeOfOffersTheOrgItsStoresAndRatesRaisesTheVersion()
    {
        var changes = new (string What, Func<Task> Change)[]
        {
            ("offer created", () => _bed.Issuance.DraftOfferAsync(_ => { })),
            ("offer with a new code format (new code space)", () => _bed.Issuance.DraftOfferAsync(o => o.Coupon.Generation.Length = 17)),
            ("offer activated", async () => await _bed.ActiveOfferAsync(_ => { })),
            ("offer updated", async () =>
            {
                var offer = await _bed.Issuance.DraftOfferAsync(_ => { });
                var before = await VersionAsync();
                var updated = await new UpdateOffer(_bed.Database, _bed.Clock).ExecuteAsync(offer.Id, Offers.TestOffers.Valid(o => o.Name = "Renamed"), "tests");
                Assert.True(updated.IsSuccess, updated.Error?.Message);
                Assert.True(await VersionAsync() > before, "offer updated");
            }),
            ("org settings", () => new OrgSetup(_bed.Database, _bed.Clock).SetSettingsAsync("Europe/London", "GBP", "tests")),
            ("store added", () => _bed.EntityAsync(new(OrgEntityType.Zone, "ZV", "Zone"))),
            ("store changed", () => new UpdateOrgEntity(_bed.Database, _bed.Clock).ExecuteAsync(new(OrgEntityType.Zone, "ZV", "Renamed zone"), "tests")),
            ("rate added", () => _bed.RatesAsync(new ExchangeRateRequest("USD", "INR", 83m))),
            ("rate changed", () => _bed.RatesAsync(new ExchangeRateRequest("USD", "INR", 84m))),
            ("rate removed", () => new RemoveExchangeRate(_bed.Database, _bed.Clock).ExecuteAsync("USD", "INR", "tests")),
        };

        foreach (var (what, change) in changes)
        {
            var before = await VersionAsync();
            await change();
            Assert.True(await VersionAsync() > before, what);
        }
    }

    [Fact]
    public async Task IssuingAndRedeemingLeaveTheVersionAlone()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 1);
        var customer = await _bed.CustomerAsync();
        var before = await VersionAsync();

        var code = await _bed.IssuedCodeAsync(offer.Id, customer);
        await _bed.RedeemedAsync(code, customer);

        Assert.Equal(before, await VersionAsync());
    }

    private Task<long> VersionAsync() => _bed.QueryAsync(db => db.ConfigVersions.AsNoTracking().Select(v => v.Version).SingleAsync());
}
