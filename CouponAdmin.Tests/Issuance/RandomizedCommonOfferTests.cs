using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Issuance;

/// <summary>Org-unique code namespaces: randomized-common fixed parts and common codes, from creation to issued codes.</summary>
public sealed class RandomizedCommonOfferTests : IAsyncLifetime
{
    private const string Sample = "TEST12345";
    private const int Rounds = 10;
    private readonly IssuanceTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    private static void RandomizedCommon(OfferDefinition o)
    {
        o.Coupon.Generation.Method = GenerationMethod.RandomizedCommon;
        o.Coupon.Generation.SampleCode = Sample;
    }

    private Task<string?> StoredSampleAsync(long offerId) =>
        _bed.QueryAsync(async db => (await db.Offers.AsNoTracking().SingleAsync(o => o.Id == offerId)).Definition.Coupon.Generation.SampleCode);

    [Fact]
    public async Task TheFirstOfferKeepsTheSamplesFixedPartAndTheSecondGetsAnotherOfTheSameShape()
    {
        var first = await _bed.ActiveOfferAsync(RandomizedCommon);
        var second = await _bed.ActiveOfferAsync(RandomizedCommon);

        var firstSample = await StoredSampleAsync(first.Id);
        var secondSample = await StoredSampleAsync(second.Id);

        Assert.Equal(Sample, firstSample);
        Assert.Equal("R:TEST", first.ReservedCode);
        Assert.NotNull(secondSample);
        Assert.Equal(9, secondSample.Length);
        Assert.Matches("^[A-Z]{4}$", secondSample[..4]);
        Assert.NotEqual("TEST", secondSample[..4]);
        Assert.Equal("12345", secondSample[4..]);
        Assert.Equal("R:" + secondSample[..4], second.ReservedCode);
    }

    [Fact]
    public async Task IssuedCodesStartWithTheOffersFixedPartHaveTheSamplesLengthAndAreDistinct()
    {
        var first = await _bed.ActiveOfferAsync(RandomizedCommon);
        var second = await _bed.ActiveOfferAsync(RandomizedCommon);
        var secondFixed = (await StoredSampleAsync(second.Id))![..4];
        var users = await _bed.CustomersAsync(5);

        var codes = new Dictionary<long, List<string>> { [first.Id] = [], [second.Id] = [] };
        foreach (var offerId in codes.Keys)
        {
            foreach (var user in users)
            {
                // No per-customer limit: each customer takes two codes of each offer.
                for (var i = 0; i < 2; i++)
                {
                    var result = await _bed.IssueAsync(offerId, user);
                    Assert.True(result.IsSuccess, result.Error?.Message);
                    codes[offerId].Add(result.Value!.Code);
                }
            }
        }

        Assert.All(codes[first.Id], c => Assert.Matches("^TEST[0-9A-Z]{5}$", c));
        Assert.All(codes[second.Id], c => Assert.Matches($"^{secondFixed}[0-9A-Z]{{5}}$", c));
        var all = codes.Values.SelectMany(c => c).ToList();
        Assert.Equal(20, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        var stored = await _bed.QueryAsync(db => db.Coupons.AsNoTracking().Where(c => c.OfferId == first.Id || c.OfferId == second.Id).ToListAsync());
        Assert.All(stored, c => Assert.False(c.IsShared));
        Assert.Equal(all.Order(), stored.Select(c => c.Code).Order());
    }

    [Fact]
    public async Task ANumericSampleMakesNumericCodesBehindItsFixedDigits()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.RandomizedCommon;
            o.Coupon.Generation.SampleCode = "4711098765";
        });
        var user = await _bed.CustomerAsync();

        var result = await _bed.IssueAsync(offer.Id, user);

        Assert.Matches("^47110[0-9]{5}$", result.Value?.Code);
    }

    [Fact]
    public async Task ASecondOfferWithTheSameCommonCodeIsRefused()
    {
        var first = await _bed.CreateOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.Common;
            o.Coupon.Generation.CommonCode = "SAME2025";
        });
        var second = await _bed.CreateOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.Common;
            o.Coupon.Generation.CommonCode = "SAME2025";
        });

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.Equal(ErrorCodes.ValidationFailed, second.Error?.Code);
        var field = Assert.Single(second.Error!.Fields!);
        Assert.Equal("coupon.generation.commonCode", field.Path);
        Assert.Contains(first.Value!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), field.Message, StringComparison.Ordinal);
        Assert.Equal(1, await _bed.QueryAsync(db => db.Offers.CountAsync()));
    }

    [Fact]
    public async Task ACommonCodeDifferingOnlyInCaseIsTheSameCode()
    {
        var first = await _bed.CreateOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.Common;
            o.Coupon.Generation.CommonCode = "Festive50";
        });
        var second = await _bed.CreateOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.Common;
            o.Coupon.Generation.CommonCode = "FESTIVE50";
        });

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.Equal("coupon.generation.commonCode", Assert.Single(second.Error?.Fields ?? []).Path);
    }

    [Fact]
    public async Task DifferentCommonCodesAreBothAccepted()
    {
        var first = await _bed.CreateOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.Common;
            o.Coupon.Generation.CommonCode = "FIRST2025";
        });
        var second = await _bed.CreateOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.Common;
            o.Coupon.Generation.CommonCode = "SECOND2025";
        });

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.True(second.IsSuccess, second.Error?.Message);
    }

    [Fact]
    public async Task OffersCreatedAtTheSameMomentFromOneSampleEachGetTheirOwnFixedPart()
    {
        var fixedParts = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var results = await CreateTogetherAsync(8, RandomizedCommon);

            Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Message));
            fixedParts.AddRange(results.Select(r => r.Value!.Definition.Coupon.Generation.SampleCode![..4]));
        }

        Assert.Equal(Rounds * 8, fixedParts.Distinct().Count());
        Assert.Contains("TEST", fixedParts);
    }

    [Fact]
    public async Task OffersCreatedAtTheSameMomentWithOneCommonCodeLeaveOneOwnerAndRefuseTheRest()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var code = $"RACE{round}CODE";
            var results = await CreateTogetherAsync(8, o =>
            {
                o.Coupon.Generation.Method = GenerationMethod.Common;
                o.Coupon.Generation.CommonCode = code;
            });

            Assert.Single(results, r => r.IsSuccess);
            Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("coupon.generation.commonCode", Assert.Single(r.Error!.Fields!).Path));
        }

        Assert.Equal(Rounds, await _bed.QueryAsync(db => db.Offers.CountAsync()));
    }

    /// <summary>Creates <paramref name="count"/> offers from tasks released together; a thrown exception fails the test.</summary>
    private Task<Result<Offer>[]> CreateTogetherAsync(int count, Action<OfferDefinition> change) =>
        IssuanceTestBed.ReleasedTogetherAsync(count, _ => _bed.CreateOfferAsync(change));
}
