using Bunit;
using CouponAdmin.Components.Pages.Incentives.Wizard;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Tests.Components.Wizard;

/// <summary>The Offer step: its fields and the Core validator's messages next to them.</summary>
public sealed class OfferBasicsStepTests : WizardTestContext
{
    [Fact]
    public void APercentageOverAHundredIsReportedNextToTheDiscount()
    {
        var step = RenderStep<OfferBasicsStep>(ValidOffer());

        step.Find("#discount-value").Change("150");

        Assert.Equal("A percentage discount is at most 100, not 150.", ErrorNextTo(step, "discount.value"));
    }

    [Fact]
    public void AFixedDiscountStartsInTheOrgsBaseCurrency()
    {
        var offer = ValidOffer();
        var step = RenderStep<OfferBasicsStep>(offer);

        step.Find("#discount-fixed").Click();

        Assert.Equal("INR", step.Find("#discount-currency").GetAttribute("value"));
        Assert.Equal(DiscountType.Fixed, offer.Discount.Type);
    }

    [Fact]
    public void ABadPocAddressIsReportedNextToTheAddresses()
    {
        var offer = ValidOffer();
        var step = RenderStep<OfferBasicsStep>(offer);

        step.Find("#offer-pocs").Change("poc@brand.example, not-an-address");

        Assert.Equal(["poc@brand.example", "not-an-address"], offer.BrandPocEmails);
        Assert.Equal("'not-an-address' is not a valid e-mail address.", ErrorNextTo(step, "brandPocEmails"));
    }

    [Fact]
    public void DatesAreReadInTheOrgsTimeZone()
    {
        var offer = ValidOffer();
        var step = RenderStep<OfferBasicsStep>(offer);

        step.Find("#offer-valid-from").Change("2026-12-01");
        step.Find("#offer-end-fixed").Click();
        step.Find("#offer-valid-until").Change("2026-12-31");

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(5.5)), offer.ValidFrom);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(5.5)), offer.ValidUntil);
    }

    [Fact]
    public void AFixedEndStartsAMonthOutAtTheEndOfTheOrgsDay()
    {
        var offer = ValidOffer();
        var step = RenderStep<OfferBasicsStep>(offer);

        step.Find("#offer-end-fixed").Click();

        Assert.Equal(new DateTimeOffset(2026, 12, 12, 23, 59, 59, TimeSpan.FromHours(5.5)), offer.ValidUntil);
        Assert.Equal("2026-12-12", step.Find("#offer-valid-until").GetAttribute("value"));

        step.Find("#offer-end-open").Click();

        Assert.Null(offer.ValidUntil);
    }

    [Fact]
    public void AnEndBeforeTheStartIsReportedNextToTheEnd()
    {
        var step = RenderStep<OfferBasicsStep>(ValidOffer());

        step.Find("#offer-valid-from").Change("2026-12-10");
        step.Find("#offer-end-fixed").Click();
        step.Find("#offer-valid-until").Change("2026-12-01");

        Assert.StartsWith("The offer must end after it starts", ErrorNextTo(step, "validUntil"), StringComparison.Ordinal);
    }
}
