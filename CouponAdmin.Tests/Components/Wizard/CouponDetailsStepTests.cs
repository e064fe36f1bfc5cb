using Bunit;
using CouponAdmin.Components.Pages.Incentives.Wizard;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Tests.Components.Wizard;

/// <summary>Coupon details: the choices per issuer and method, the live code preview, and the expiry sentence.</summary>
public sealed class CouponDetailsStepTests : WizardTestContext
{
    [Fact]
    public void ARandomizedSampleShowsItsFixedPartRandomPartAndCapacityAsItIsTyped()
    {
        var offer = ValidOffer();
        var step = RenderStep<CouponDetailsStep>(offer);

        step.Find("#method-RandomizedCommon").Click();
        step.Find("#sample-code").Change("TEST12345");

        Assert.Equal("TEST", step.Find("#fixed-part").TextContent.Trim());
        Assert.Equal("•••••", step.Find("#random-part").TextContent.Trim());
        Assert.Equal("60,466,176 codes", step.Find("#code-capacity").TextContent.Trim());
        Assert.Matches("^TEST[0-9A-Z]{5}$", step.Find("#example-code").TextContent.Trim());
    }

    [Fact]
    public void ATooShortSampleIsReportedNextToItAndHasNoPreview()
    {
        var step = RenderStep<CouponDetailsStep>(ValidOffer());

        step.Find("#method-RandomizedCommon").Click();
        step.Find("#sample-code").Change("AB12");

        Assert.Equal("The sample code 'AB12' must be 5 to 10 letters or digits; it has 4 characters.", ErrorNextTo(step, "coupon.generation.sampleCode"));
        Assert.Equal("— codes", step.Find("#code-capacity").TextContent.Trim());
    }

    [Fact]
    public void EditingTheAutoUniqueFormatUpdatesTheExampleAndTheCapacity()
    {
        var step = RenderStep<CouponDetailsStep>(ValidOffer());

        step.Find("#code-format-edit").Click();
        step.Find("#code-length").Change("6");
        step.Find("#code-prefix").Change("xmas");

        Assert.Matches("^XMAS[0-9A-Z]{6}$", step.Find("#example-code").TextContent.Trim());
        Assert.Equal("2,176,782,336 codes", step.Find("#code-capacity").TextContent.Trim());
    }

    [Fact]
    public void AnAutoUniqueLengthOutOfRangeIsReportedNextToTheLength()
    {
        var step = RenderStep<CouponDetailsStep>(ValidOffer());

        step.Find("#code-format-edit").Click();
        step.Find("#code-length").Change("25");

        Assert.Equal("The code length must be between 4 and 20, not 25.", ErrorNextTo(step, "coupon.generation.length"));
    }

    [Theory]
    [InlineData("expiry-months", "0", "Issued today, expires 30 Nov 23:59")]
    [InlineData("expiry-months", "1", "Issued today, expires 31 Dec 23:59")]
    [InlineData("expiry-days", "0", "Issued today, expires 12 Nov 23:59")]
    [InlineData("expiry-days", "1", "Issued today, expires 13 Nov 23:59")]
    [InlineData("expiry-days", "60", "Issued today, expires 11 Jan 2027 23:59")]
    public void TheExpirySentenceFollowsTheSeedsExamplesInTheOrgsZone(string mode, string value, string expected)
    {
        var step = RenderStep<CouponDetailsStep>(ValidOffer());

        step.Find($"#{mode}").Click();
        step.Find("#expiry-value").Change(value);

        Assert.Equal(expected, step.Find("#expiry-sentence").TextContent.Trim());
    }

    [Fact]
    public void TheExpirySentenceSaysWhenTheOffersEndComesFirst()
    {
        var offerEnd = new DateTimeOffset(2026, 11, 20, 23, 59, 59, TimeSpan.FromHours(5.5));
        var step = RenderStep<CouponDetailsStep>(ValidOffer(o => o.ValidUntil = offerEnd));

        step.Find("#expiry-value").Change("30");

        Assert.Equal("Issued today, expires 20 Nov 23:59, when the offer ends", step.Find("#expiry-sentence").TextContent.Trim());
    }

    [Fact]
    public void AlongWithTheOfferIsOnlyAvailableForAnOfferWithAFixedEnd()
    {
        var open = RenderStep<CouponDetailsStep>(ValidOffer());
        var fixedEnd = RenderStep<CouponDetailsStep>(ValidOffer(o => o.ValidUntil = Now.AddDays(10)));

        Assert.True(open.Find("#expiry-with-offer").HasAttribute("disabled"));
        Assert.False(fixedEnd.Find("#expiry-with-offer").HasAttribute("disabled"));
    }

    [Fact]
    public void AThirdPartyOffersUploadedCodesOnlyAndNoAudienceList()
    {
        var offer = ValidOffer();
        var step = RenderStep<CouponDetailsStep>(offer);

        step.Find("#issued-by-third-party").Click();

        Assert.Equal(["method-Uploaded"], step.FindAll("[id^='method-']").Select(e => e.Id));
        Assert.Equal(GenerationMethod.Uploaded, offer.Coupon.Generation.Method);
        Assert.Empty(step.FindAll("#audience-only"));
        Assert.Contains("you cannot control the issual & reminder settings", step.Find("#third-party-note").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void UploadedCodesOfANewOfferAreUploadedAfterSaving()
    {
        var step = RenderStep<CouponDetailsStep>(ValidOffer(o => o.Coupon.Generation.Method = GenerationMethod.Uploaded));

        Assert.Contains("uploaded after the offer is saved", step.Find("#upload-codes-note").TextContent, StringComparison.Ordinal);
        Assert.Empty(step.FindAll("#upload-codes-link"));
    }

    [Fact]
    public void AnExistingOfferLinksToItsCodeAndAudienceUploads()
    {
        var saved = NewOfferContext() with { OfferId = 42, Status = OfferStatus.Draft, ChangeRules = OfferChangeRules.For(OfferStatus.Draft, GenerationMethod.AutoUnique) };
        var uploaded = RenderStep<CouponDetailsStep>(ValidOffer(o => o.Coupon.Generation.Method = GenerationMethod.Uploaded), saved);
        var audience = RenderStep<CouponDetailsStep>(ValidOffer(o => o.Coupon.SpecificCustomersOnly = true), saved);

        Assert.Equal("/incentives/42/uploads?kind=codes", uploaded.Find("#upload-codes-link").GetAttribute("href"));
        Assert.Equal("/incentives/42/uploads?kind=audience", audience.Find("#audience-link").GetAttribute("href"));
    }

    [Fact]
    public void OnAnActiveOfferTheIssuingChoicesAreLockedAndTheSampleIsReadOnly()
    {
        var active = NewOfferContext() with { OfferId = 7, Status = OfferStatus.Active, ChangeRules = OfferChangeRules.For(OfferStatus.Active, GenerationMethod.RandomizedCommon) };
        var step = RenderStep<CouponDetailsStep>(ValidOffer(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.RandomizedCommon;
            o.Coupon.Generation.SampleCode = "TEST12345";
        }), active);

        Assert.True(step.Find("#method-AutoUnique").HasAttribute("disabled"));
        Assert.True(step.Find("#sample-code").HasAttribute("readonly"));
        Assert.Single(step.FindAll("#locked-issuing"));
        Assert.Equal("TEST", step.Find("#fixed-part").TextContent.Trim());
    }
}
