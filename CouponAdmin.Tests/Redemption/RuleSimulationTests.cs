using System.Globalization;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Tests.Offers;

namespace CouponAdmin.Tests.Redemption;

/// <summary>What the offer page's rule simulator asks Core: a customer's coupon of the offer, and a validation at a chosen moment.</summary>
public sealed class RuleSimulationTests : IAsyncLifetime
{
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    private static string Id(long userId) => userId.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task ValidatingAtAChosenMomentJudgesTheHoursAtThatMomentNotAtTheClocks()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.Hours = [19]);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        var evening = TestOffers.Now.Date.AddHours(19).AddMinutes(15);
        var at = new DateTimeOffset(evening, TestOffers.Now.Offset);

        var now = await _bed.Validator.ExecuteAsync(_bed.Request(code, holder));
        var then = await _bed.Validator.ExecuteAsync(_bed.Request(code, holder, at: at));

        Assert.Equal(ErrorCodes.OutsideRedemptionWindow, now.Error?.Code);
        Assert.True(then.IsSuccess, then.Error?.Message);
    }

    [Fact]
    public async Task TheCustomersCouponOfTheOfferIsFound()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 1);
        var other = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 1);
        var holder = await _bed.CustomerAsync();
        await _bed.IssuedCodeAsync(other.Id, holder);
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);

        var held = await _bed.Queries.HeldOfOfferAsync(offer.Id, IdentifierType.UserId, Id(holder));

        Assert.True(held.IsSuccess, held.Error?.Message);
        Assert.Equal(code, held.Value?.Code);
        Assert.Equal(offer.Id, held.Value?.OfferId);
    }

    [Fact]
    public async Task AnIssuedCouponIsPreferredToARedeemedOne()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Issual.MaxPerCustomer = 2);
        var holder = await _bed.CustomerAsync();
        var first = await _bed.IssuedCodeAsync(offer.Id, holder);
        var second = await _bed.IssuedCodeAsync(offer.Id, holder);
        await _bed.RedeemedAsync(second, holder);

        var held = await _bed.Queries.HeldOfOfferAsync(offer.Id, IdentifierType.UserId, Id(holder));

        Assert.Equal(first, held.Value?.Code);
        Assert.Equal(CouponStatus.Issued, held.Value?.Status);
    }

    [Fact]
    public async Task ACustomerWithoutACouponOfTheOfferHoldsNone()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 1);
        var other = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 1);
        var customer = await _bed.CustomerAsync();
        await _bed.IssuedCodeAsync(other.Id, customer);

        var held = await _bed.Queries.HeldOfOfferAsync(offer.Id, IdentifierType.UserId, Id(customer));

        Assert.True(held.IsSuccess, held.Error?.Message);
        Assert.Null(held.Value);
    }

    [Fact]
    public async Task AnUnknownCustomerIsSaidToBeUnknown()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 1);

        var held = await _bed.Queries.HeldOfOfferAsync(offer.Id, IdentifierType.Email, "nobody@shop.example");

        Assert.Equal(ErrorCodes.CustomerNotFound, held.Error?.Code);
    }
}
