using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Issuance;

/// <summary>
/// Limits hold when issuers race: every task waits on one gate and then makes its own IssueCoupon call (its own
/// DbContext and connection). Each race runs five times against a fresh offer.
/// </summary>
public sealed class IssuanceConcurrencyTests : IAsyncLifetime
{
    private const int Rounds = 5;
    private const int Tasks = 32;
    private readonly IssuanceTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task ThirtyTwoSimultaneousIssualsToOneCustomerWithAMaximumOfThreeIssueExactlyThree()
    {
        var user = await _bed.CustomerAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var offer = await _bed.ActiveOfferAsync(o =>
            {
                o.Name = $"Race per customer {round}";
                o.Issual.MaxPerCustomer = 3;
            });

            var results = await RaceAsync(Enumerable.Repeat(user, Tasks).ToList(), offer.Id);

            var issued = results.Where(r => r.IsSuccess).ToList();
            Assert.Equal(3, issued.Count);
            Assert.Equal(Tasks - 3, results.Count(r => r.Error?.Code == ErrorCodes.MaxIssualsPerCustomerExceeded));
            Assert.Equal(3, issued.Select(r => r.Value!.Code).Distinct().Count());
            var coupons = await _bed.CouponsAsync(offer.Id);
            Assert.Equal(3, coupons.Count(c => c.CustomerId == user));
            Assert.Equal(issued.Select(r => r.Value!.Code).Order(), coupons.Select(c => c.Code).Order());
            Assert.Equal(3, await _bed.IssuedCountAsync(offer.Id));
            Assert.Equal(3, await _bed.QueryAsync(db => db.CustomerIssuals.Where(c => c.OfferId == offer.Id && c.CustomerId == user).Select(c => c.Count).SingleAsync()));
        }
    }

    [Fact]
    public async Task TwoHundredIssualsToDifferentCustomersAgainstASeriesLimitOfOneHundredIssueExactlyOneHundred()
    {
        var customers = await _bed.CustomersAsync(200);
        var allCodes = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var offer = await _bed.ActiveOfferAsync(o =>
            {
                o.Name = $"Race series limit {round}";
                o.Issual.TotalLimit = 100;
            });

            var results = await RaceAsync(customers, offer.Id);

            Assert.Equal(100, results.Count(r => r.IsSuccess));
            Assert.Equal(100, results.Count(r => r.Error?.Code == ErrorCodes.SeriesIssualLimitExceeded));
            var coupons = await _bed.CouponsAsync(offer.Id);
            Assert.Equal(100, coupons.Count);
            Assert.Equal(100, coupons.Select(c => c.Code).Distinct().Count());
            Assert.Equal(100, coupons.Select(c => c.CustomerId).Distinct().Count());
            Assert.Equal(100, await _bed.IssuedCountAsync(offer.Id));
            allCodes.AddRange(coupons.Select(c => c.Code));
        }

        Assert.Equal(allCodes.Count, allCodes.Distinct().Count());
    }

    [Fact]
    public async Task ThirtyTwoSimultaneousIssualsOfAGenericCodeToOneCustomerIssueItOnce()
    {
        var user = await _bed.CustomerAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var offer = await _bed.ActiveOfferAsync(o =>
            {
                o.Name = $"Race generic {round}";
                o.Coupon.Generation.Method = GenerationMethod.Common;
                o.Coupon.Generation.CommonCode = $"RACE{round}GEN";
            });

            var results = await RaceAsync(Enumerable.Repeat(user, Tasks).ToList(), offer.Id);

            Assert.Single(results, r => r.IsSuccess);
            Assert.Equal(Tasks - 1, results.Count(r => r.Error?.Code == ErrorCodes.GenericAlreadyIssued));
            Assert.Single(await _bed.CouponsAsync(offer.Id));
        }
    }

    [Fact]
    public async Task ThirtyTwoSimultaneousIssualsFromAPoolOfTenHandOutEachCodeOnce()
    {
        var customers = await _bed.CustomersAsync(Tasks);
        for (var round = 0; round < Rounds; round++)
        {
            var offer = await _bed.ActiveOfferAsync(o =>
            {
                o.Name = $"Race pool {round}";
                o.Coupon.Generation.Method = GenerationMethod.Uploaded;
            });
            var pool = Enumerable.Range(1, 10).Select(i => $"R{round}POOL{i:00}").ToArray();
            await _bed.AddUnissuedCodesAsync(offer.Id, pool);

            var results = await RaceAsync(customers, offer.Id);

            var issued = results.Where(r => r.IsSuccess).Select(r => r.Value!.Code).ToList();
            Assert.Equal(pool.Order(), issued.Order());
            Assert.Equal(Tasks - 10, results.Count(r => r.Error?.Code == ErrorCodes.NoCodesAvailable));
            var coupons = await _bed.CouponsAsync(offer.Id);
            Assert.All(coupons, c => Assert.Equal(CouponStatus.Issued, c.Status));
            Assert.Equal(10, coupons.Select(c => c.CustomerId).Distinct().Count());
            Assert.Equal(10, await _bed.IssuedCountAsync(offer.Id));
        }
    }

    /// <summary>
    /// Issues one coupon per entry of <paramref name="customers"/> from <see cref="Tasks"/> tasks released together;
    /// each task takes every <see cref="Tasks"/>-th entry.
    /// </summary>
    private async Task<List<Result<IssuedCoupon>>> RaceAsync(List<long> customers, long offerId)
    {
        var perTask = await IssuanceTestBed.ReleasedTogetherAsync(Tasks, async worker =>
        {
            var mine = new List<Result<IssuedCoupon>>();
            for (var i = worker; i < customers.Count; i += Tasks)
            {
                mine.Add(await _bed.IssueAsync(offerId, customers[i]));
            }

            return mine;
        });

        var results = perTask.SelectMany(r => r).ToList();
        Assert.Equal(customers.Count, results.Count);
        return results;
    }
}
