using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Revocation;

namespace CouponAdmin.Tests.Redemption;

/// <summary>Revoking an offer's coupons: all unredeemed, only unissued, or those of listed customers; never redeemed ones.</summary>
public sealed class RevocationTests : IAsyncLifetime
{
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    /// <summary>An uploaded-code offer: UP1 issued, UP2 issued and redeemed, UP3 and UP4 still in the pool.</summary>
    private async Task<long> PoolAsync()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Coupon.Generation.Method = GenerationMethod.Uploaded);
        await _bed.AddUnissuedCodesAsync(offer.Id, "UP1", "UP2", "UP3", "UP4");
        var customers = await _bed.CustomersAsync(2);
        await _bed.IssuedCodeAsync(offer.Id, customers[0], "UP1");
        await _bed.IssuedCodeAsync(offer.Id, customers[1], "UP2");
        await _bed.RedeemedAsync("UP2", customers[1]);
        return offer.Id;
    }

    private async Task<string> StatusesAsync(long offerId) =>
        string.Join(" ", (await _bed.CouponsAsync(offerId)).OrderBy(c => c.Code).Select(c => $"{c.Code}:{c.Status}"));

    private Task<Result<int>> RevokeAsync(long offerId, RevokeMode mode, params CustomerRef[] customers) =>
        _bed.Revoker.ExecuteAsync(new RevokeRequest(offerId, mode, customers.Length == 0 ? null : customers), RedemptionTestBed.Actor);

    [Fact]
    public async Task AllUnredeemedRevokesIssuedAndUnissuedButNotRedeemedCoupons()
    {
        var offerId = await PoolAsync();

        var revoked = await RevokeAsync(offerId, RevokeMode.AllUnredeemed);

        Assert.Equal(3, revoked.Value);
        Assert.Equal("UP1:Revoked UP2:Redeemed UP3:Revoked UP4:Revoked", await StatusesAsync(offerId));
    }

    [Fact]
    public async Task OnlyUnissuedLeavesIssuedCouponsAlone()
    {
        var offerId = await PoolAsync();

        var revoked = await RevokeAsync(offerId, RevokeMode.OnlyUnissued);

        Assert.Equal(2, revoked.Value);
        Assert.Equal("UP1:Issued UP2:Redeemed UP3:Revoked UP4:Revoked", await StatusesAsync(offerId));
    }

    [Fact]
    public async Task CustomersModeRevokesOnlyTheActiveCouponsOfThoseCustomers()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Issual.MaxPerCustomer = null);
        var customers = await _bed.CustomersAsync(3);
        var first = new[] { await _bed.IssuedCodeAsync(offer.Id, customers[0]), await _bed.IssuedCodeAsync(offer.Id, customers[0]) };
        var redeemedOfFirst = await _bed.IssuedCodeAsync(offer.Id, customers[0]);
        await _bed.RedeemedAsync(redeemedOfFirst, customers[0]);
        var second = await _bed.IssuedCodeAsync(offer.Id, customers[1]);
        var third = await _bed.IssuedCodeAsync(offer.Id, customers[2]);

        var revoked = await RevokeAsync(offer.Id, RevokeMode.Customers,
            new CustomerRef(IdentifierType.UserId, customers[0].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new CustomerRef(IdentifierType.UserId, customers[2].ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(3, revoked.Value);
        var byCode = (await _bed.CouponsAsync(offer.Id)).ToDictionary(c => c.Code, c => c.Status);
        Assert.All(first, code => Assert.Equal(CouponStatus.Revoked, byCode[code]));
        Assert.Equal(CouponStatus.Revoked, byCode[third]);
        Assert.Equal(CouponStatus.Redeemed, byCode[redeemedOfFirst]);
        Assert.Equal(CouponStatus.Issued, byCode[second]);
    }

    [Fact]
    public async Task CustomersModeWithAnUnknownCustomerRevokesNothing()
    {
        var offer = await _bed.ActiveOfferAsync(_ => { });
        var holder = await _bed.CustomerAsync();
        await _bed.IssuedCodeAsync(offer.Id, holder);

        var result = await RevokeAsync(offer.Id, RevokeMode.Customers, new CustomerRef(IdentifierType.Email, "nobody@shop.example"));

        Assert.False(result.IsSuccess);
        Assert.Equal(CouponStatus.Issued, Assert.Single(await _bed.CouponsAsync(offer.Id)).Status);
    }

    [Fact]
    public async Task ARevokedCouponCannotBeRedeemed()
    {
        var offerId = await PoolAsync();
        var holder = (await _bed.CouponsAsync(offerId)).Single(c => c.Code == "UP1").CustomerId!.Value;
        await RevokeAsync(offerId, RevokeMode.AllUnredeemed);
        var before = await _bed.StateAsync(offerId);

        var result = await _bed.RedeemAsync("UP1", holder);

        Assert.Equal(ErrorCodes.CouponRevoked, result.Error?.Code);
        Assert.Equal(before, await _bed.StateAsync(offerId));
    }

    [Fact]
    public async Task RevokingStampsTheStatusChangeTime()
    {
        var offerId = await PoolAsync();
        _bed.Clock.Advance(TimeSpan.FromHours(2));
        var revokedAt = _bed.Clock.GetUtcNow();

        await RevokeAsync(offerId, RevokeMode.OnlyUnissued);

        var up3 = await _bed.CouponAsync(offerId, "UP3");
        var up1 = await _bed.CouponAsync(offerId, "UP1");
        Assert.Equal(revokedAt, up3.LastStatusChangeAt);
        Assert.NotEqual(revokedAt, up1.LastStatusChangeAt);
    }
}
