using CouponAdmin.Core.Offers;

namespace CouponAdmin.Tests.Offers;

/// <summary>What may still change on an existing offer, and that the offer itself enforces the same answer.</summary>
public class OfferChangeRulesTests
{
    [Fact]
    public void ADraftMayChangeEverythingButARandomizedSample()
    {
        Assert.Equal(new OfferChangeRules(false, false, false), OfferChangeRules.For(OfferStatus.Draft, GenerationMethod.AutoUnique));
        Assert.Equal(new OfferChangeRules(true, false, false), OfferChangeRules.For(OfferStatus.Draft, GenerationMethod.RandomizedCommon));
    }

    [Theory]
    [InlineData(OfferStatus.Active)]
    [InlineData(OfferStatus.Paused)]
    [InlineData(OfferStatus.Ended)]
    public void AnOfferOutOfDraftKeepsItsMethodAndCodeFormat(OfferStatus status)
    {
        var rules = OfferChangeRules.For(status, GenerationMethod.AutoUnique);

        Assert.True(rules.MethodLocked);
        Assert.True(rules.CodeFormatLocked);
        Assert.False(rules.IssuingChoicesOpen);
        Assert.Equal(["coupon.generation.method", "coupon.generation"], rules.Locked(status).Select(l => l.Path));
    }

    [Fact]
    public void ANewOfferHasNothingLocked()
    {
        Assert.Empty(OfferChangeRules.New.Locked(OfferStatus.Draft));
    }

    [Fact]
    public void AnActiveOfferRefusesExactlyWhatTheRulesLock()
    {
        var offer = Offer.Create(TestOffers.Valid(), TestOffers.Now);
        offer.Activate(TestOffers.Now);
        var rules = OfferChangeRules.For(offer);

        var longer = TestOffers.Valid(o => o.Coupon.Generation.Length = 10);
        var renamed = TestOffers.Valid(o => o.Name = "Another name");

        Assert.True(rules.CodeFormatLocked);
        Assert.Equal(["coupon.generation"], offer.Update(longer, TestOffers.Now).Select(e => e.Path));
        Assert.Empty(offer.Update(renamed, TestOffers.Now));
    }
}
