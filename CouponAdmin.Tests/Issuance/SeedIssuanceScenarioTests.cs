using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Issuance;

/// <summary>The seed's four upload scenarios (docs/architecture.md, "Issuing one coupon"), row by row through IssueCoupon.</summary>
public sealed class SeedIssuanceScenarioTests : IAsyncLifetime
{
    private const string Issued = "ISSUED";
    private readonly IssuanceTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task WithAMaximumOfThreePerCustomerFourRowsIssueThreeThenFourRowsIssueNoneThenOneRowIssuesNone()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Issual.MaxPerCustomer = 3);
        var user = await _bed.CustomerAsync();

        var first = await _bed.IssueRowsAsync(offer.Id, user, 4);
        var again = await _bed.IssueRowsAsync(offer.Id, user, 4);
        var once = await _bed.IssueRowsAsync(offer.Id, user, 1);

        Assert.Equal([Issued, Issued, Issued, ErrorCodes.MaxIssualsPerCustomerExceeded], IssuanceTestBed.Outcomes(first));
        Assert.All(again, r => Assert.Equal(ErrorCodes.MaxIssualsPerCustomerExceeded, r.Error?.Code));
        Assert.Equal(4, again.Count);
        Assert.Equal([ErrorCodes.MaxIssualsPerCustomerExceeded], IssuanceTestBed.Outcomes(once));
        Assert.All(again.Concat(once), r => Assert.Equal(ErrorKind.Rule, r.Error!.Kind));

        var coupons = await _bed.CouponsAsync(offer.Id);
        Assert.Equal(3, coupons.Count);
        Assert.All(coupons, c => Assert.Equal(user, c.CustomerId));
        Assert.Equal(3, coupons.Select(c => c.Code).Distinct().Count());
        Assert.Equal(3, await _bed.IssuedCountAsync(offer.Id));
        var counted = await _bed.QueryAsync(db => db.CustomerIssuals.AsNoTracking().SingleAsync(c => c.OfferId == offer.Id && c.CustomerId == user));
        Assert.Equal(3, counted.Count);
    }

    [Fact]
    public async Task TheMaximumPerCustomerCountsEachCustomerSeparately()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Issual.MaxPerCustomer = 3);
        var first = await _bed.CustomerAsync();
        var second = await _bed.CustomerAsync();

        var firstRows = await _bed.IssueRowsAsync(offer.Id, first, 4);
        var secondRows = await _bed.IssueRowsAsync(offer.Id, second, 4);

        Assert.Equal(3, firstRows.Count(r => r.IsSuccess));
        Assert.Equal(3, secondRows.Count(r => r.IsSuccess));
        Assert.Equal(6, await _bed.IssuedCountAsync(offer.Id));
    }

    [Fact]
    public async Task WithAOneDayMinimumGapFourRowsAtOnceIssueOneAndADayLaterOneMoreIsIssued()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Issual.MaxPerCustomer = 3;
            o.Issual.MinGapDays = 1;
        });
        var user = await _bed.CustomerAsync();

        var sameMoment = await _bed.IssueRowsAsync(offer.Id, user, 4);
        _bed.Clock.Advance(TimeSpan.FromHours(23));
        var tooSoon = await _bed.IssueAsync(offer.Id, user);
        _bed.Clock.Advance(TimeSpan.FromHours(1));
        var aDayLater = await _bed.IssueAsync(offer.Id, user);

        Assert.Equal([Issued, ErrorCodes.MinIssualGapNotMet, ErrorCodes.MinIssualGapNotMet, ErrorCodes.MinIssualGapNotMet], IssuanceTestBed.Outcomes(sameMoment));
        Assert.Equal(ErrorCodes.MinIssualGapNotMet, tooSoon.Error?.Code);
        Assert.True(aDayLater.IsSuccess, aDayLater.Error?.Message);
        Assert.NotEqual(sameMoment[0].Value!.Code, aDayLater.Value!.Code);
        Assert.Equal(2, (await _bed.CouponsAsync(offer.Id)).Count);
    }

    [Fact]
    public async Task AfterTheGapTheMaximumStillApplies()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Issual.MaxPerCustomer = 3;
            o.Issual.MinGapDays = 1;
        });
        var user = await _bed.CustomerAsync();

        var outcomes = new List<Result<IssuedCoupon>>();
        for (var day = 0; day < 4; day++)
        {
            outcomes.Add(await _bed.IssueAsync(offer.Id, user));
            _bed.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal([Issued, Issued, Issued, ErrorCodes.MaxIssualsPerCustomerExceeded], IssuanceTestBed.Outcomes(outcomes));
    }

    [Fact]
    public async Task WithASeriesLimitOfTwoFourRowsIssueTwo()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Issual.TotalLimit = 2);
        var user = await _bed.CustomerAsync();

        var rows = await _bed.IssueRowsAsync(offer.Id, user, 4);

        Assert.Equal([Issued, Issued, ErrorCodes.SeriesIssualLimitExceeded, ErrorCodes.SeriesIssualLimitExceeded], IssuanceTestBed.Outcomes(rows));
        Assert.Equal(2, (await _bed.CouponsAsync(offer.Id)).Count);
        Assert.Equal(2, await _bed.IssuedCountAsync(offer.Id));
    }

    [Fact]
    public async Task ARowRefusedByTheSeriesLimitDoesNotCountAgainstTheCustomer()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Issual.MaxPerCustomer = 3;
            o.Issual.TotalLimit = 2;
        });
        var user = await _bed.CustomerAsync();

        var rows = await _bed.IssueRowsAsync(offer.Id, user, 3);

        Assert.Equal([Issued, Issued, ErrorCodes.SeriesIssualLimitExceeded], IssuanceTestBed.Outcomes(rows));
        var counted = await _bed.QueryAsync(db => db.CustomerIssuals.AsNoTracking().SingleAsync(c => c.OfferId == offer.Id && c.CustomerId == user));
        Assert.Equal(2, counted.Count);
    }

    [Fact]
    public async Task AGenericCodeIsIssuedOncePerCustomerAndAgainNotAtAll()
    {
        var commonCode = "GEN" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.Common;
            o.Coupon.Generation.CommonCode = commonCode;
        });
        var user = await _bed.CustomerAsync();

        var first = await _bed.IssueRowsAsync(offer.Id, user, 4);
        var again = await _bed.IssueRowsAsync(offer.Id, user, 4);

        Assert.Equal([Issued, ErrorCodes.GenericAlreadyIssued, ErrorCodes.GenericAlreadyIssued, ErrorCodes.GenericAlreadyIssued], IssuanceTestBed.Outcomes(first));
        Assert.Equal(Enumerable.Repeat(ErrorCodes.GenericAlreadyIssued, 4), IssuanceTestBed.Outcomes(again));
        Assert.Equal(commonCode, first[0].Value!.Code);
        var coupon = Assert.Single(await _bed.CouponsAsync(offer.Id));
        Assert.Equal(user, coupon.CustomerId);
        Assert.True(coupon.IsShared);
    }

    [Fact]
    public async Task EveryCustomerGetsTheSameGenericCode()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.Common;
            o.Coupon.Generation.CommonCode = "gen2025";
        });
        var first = await _bed.CustomerAsync();
        var second = await _bed.CustomerAsync();

        var a = await _bed.IssueAsync(offer.Id, first);
        var b = await _bed.IssueAsync(offer.Id, second);

        Assert.Equal("GEN2025", a.Value?.Code);
        Assert.Equal("GEN2025", b.Value?.Code);
        Assert.Equal(2, (await _bed.CouponsAsync(offer.Id)).Count);
    }
}
