using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Tests.Issuance;

/// <summary>What support staff and the POS read back after issuing: one coupon by code, a customer's coupons.</summary>
public sealed class CouponLookupTests : IAsyncLifetime
{
    private readonly IssuanceTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    private CouponQueries Queries => new(_bed.Database, _bed.Clock);

    [Fact]
    public async Task AnIssuedCouponIsFoundByItsCodeTypedInLowerCaseWithDashes()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Name = "Lookup offer");
        var user = await _bed.CustomerAsync();
        var issued = (await _bed.IssueAsync(offer.Id, user)).Value!;

        var found = await Queries.ByCodeAsync($"{issued.Code[..4].ToLowerInvariant()}-{issued.Code[4..].ToLowerInvariant()}");

        Assert.True(found.IsSuccess, found.Error?.Message);
        var view = found.Value!;
        Assert.Equal(issued.Code, view.Code);
        Assert.Equal("Lookup offer", view.OfferName);
        Assert.Equal(user, view.CustomerId);
        Assert.Equal(CouponStatus.Issued, view.Status);
        Assert.Equal(issued.IssuedAt, view.IssuedAt);
        Assert.Equal(issued.ExpiresAt, view.ExpiresAt);
        Assert.Equal(issued.IssuedAt, view.LastStatusChangeOn);
        Assert.False(view.IsReversed);
    }

    [Fact]
    public async Task ACouponPastItsExpiryReadsAsExpired()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 0 });
        var user = await _bed.CustomerAsync();
        var code = (await _bed.IssueAsync(offer.Id, user)).Value!.Code;

        var sameDay = await Queries.ByCodeAsync(code);
        _bed.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await Queries.ByCodeAsync(code);

        Assert.Equal(CouponStatus.Issued, sameDay.Value?.Status);
        Assert.Equal(CouponStatus.Expired, nextDay.Value?.Status);
    }

    [Fact]
    public async Task AnUnknownCodeIsNotFound()
    {
        var result = await Queries.ByCodeAsync("NOSUCH99");

        Assert.Equal(ErrorCodes.CouponNotFound, result.Error?.Code);
        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
    }

    [Fact]
    public async Task ACustomersCouponsAreListedNewestFirstAcrossOffers()
    {
        var first = await _bed.ActiveOfferAsync(o => o.Name = "First");
        var second = await _bed.ActiveOfferAsync(o => o.Name = "Second");
        var user = await _bed.CustomerAsync();
        var other = await _bed.CustomerAsync();
        var a = (await _bed.IssueAsync(first.Id, user)).Value!.Code;
        _bed.Clock.Advance(TimeSpan.FromMinutes(1));
        var b = (await _bed.IssueAsync(second.Id, user)).Value!.Code;
        Assert.True((await _bed.IssueAsync(first.Id, other)).IsSuccess);

        var listed = await Queries.ByCustomerAsync(IdentifierType.UserId, user.ToString(System.Globalization.CultureInfo.InvariantCulture), new PageRequest(1, PageRequest.MaxDocuments));

        Assert.True(listed.IsSuccess, listed.Error?.Message);
        Assert.Equal([b, a], listed.Value!.Items.Select(c => c.Code));
        Assert.Equal(["Second", "First"], listed.Value!.Items.Select(c => c.OfferName));
    }

    [Fact]
    public async Task AnUnknownCustomerHasNoCouponList()
    {
        var result = await Queries.ByCustomerAsync(IdentifierType.Email, "nobody@shop.example", new PageRequest(1, PageRequest.MaxDocuments));

        Assert.Equal(ErrorCodes.CustomerNotFound, result.Error?.Code);
        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
    }

    [Fact]
    public async Task AGenericCodeHeldByManyIsLookedUpThroughTheCustomer()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.Common;
            o.Coupon.Generation.CommonCode = "SHARED2025";
        });
        foreach (var user in await _bed.CustomersAsync(2))
        {
            Assert.True((await _bed.IssueAsync(offer.Id, user)).IsSuccess);
        }

        var result = await Queries.ByCodeAsync("shared2025");

        Assert.Equal(ErrorCodes.ValidationFailed, result.Error?.Code);
        Assert.Equal("code", Assert.Single(result.Error!.Fields!).Path);
    }
}
