using CouponAdmin.Core.Offers;

namespace CouponAdmin.Tests.Offers;

/// <summary>A wizard checks one screen at a time with the same rules the API applies to the whole body.</summary>
public class OfferStepValidatorTests
{
    [Theory]
    [InlineData("name", OfferStep.Offer)]
    [InlineData("discount.currency", OfferStep.Offer)]
    [InlineData("brandPocEmails[2]", OfferStep.Offer)]
    [InlineData("validUntil", OfferStep.Offer)]
    [InlineData("coupon.generation.length", OfferStep.CouponDetails)]
    [InlineData("issual.reminders[0].text", OfferStep.IssualAndReminders)]
    [InlineData("redemption.codeLimit", OfferStep.Redemption)]
    public void AFieldBelongsToTheScreenOfItsFirstPathSegment(string path, OfferStep expected)
    {
        Assert.Equal(expected, OfferStepValidator.StepOf(path));
    }

    [Fact]
    public void EachStepReportsOnlyItsOwnFields()
    {
        var offer = TestOffers.Valid(o =>
        {
            o.Name = "";
            o.Coupon.Generation.Length = 2;
            o.Issual.TotalLimit = 0;
            o.Redemption.MinBill = -1;
        });

        Assert.Equal(["name"], Paths(offer, OfferStep.Offer));
        Assert.Equal(["coupon.generation.length"], Paths(offer, OfferStep.CouponDetails));
        Assert.Equal(["issual.totalLimit"], Paths(offer, OfferStep.IssualAndReminders));
        Assert.Equal(["redemption.minBill"], Paths(offer, OfferStep.Redemption));
    }

    [Fact]
    public void TheStepsTogetherReportExactlyWhatTheWholeValidatorReports()
    {
        var offer = TestOffers.Valid(o =>
        {
            o.Discount.Value = 0;
            o.Coupon.Expiry.Mode = ExpiryMode.WithOffer;
            o.Redemption.AnyoneCanRedeem = false;
            o.Redemption.CodeLimit = 3;
        });

        var bySteps = Enum.GetValues<OfferStep>().SelectMany(s => OfferStepValidator.Validate(offer, s)).ToList();

        Assert.Equal(OfferValidator.Validate(offer).OrderBy(e => e.Path), bySteps.OrderBy(e => e.Path));
        Assert.Equal(3, bySteps.Count);
    }

    [Fact]
    public void TheFirstStepWithErrorsIsWhereTheWizardGoesBack()
    {
        var offer = TestOffers.Valid(o =>
        {
            o.Redemption.MinBill = -1;
            o.Coupon.Generation.Length = 2;
        });

        Assert.Equal(OfferStep.CouponDetails, OfferStepValidator.FirstStepWithErrors(OfferValidator.Validate(offer)));
        Assert.Null(OfferStepValidator.FirstStepWithErrors(OfferValidator.Validate(TestOffers.Valid())));
    }

    private static string[] Paths(OfferDefinition offer, OfferStep step) => [.. OfferStepValidator.Validate(offer, step).Select(e => e.Path)];
}
