using Bunit;
using CouponAdmin.Components.Pages.Incentives.Wizard;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using Microsoft.AspNetCore.Components.Forms;

namespace CouponAdmin.Tests.Components.Wizard;

/// <summary>The Redemption step shows the limit levels the 14-row table allows, and nothing else.</summary>
public sealed class RedemptionStepTests : WizardTestContext
{
    public static TheoryData<int> Rows() => [.. RedemptionLimitTable.Rows.Select(r => r.Number)];

    [Theory]
    [MemberData(nameof(Rows))]
    public void EachTableRowShowsTheLevelsThePolicyAllowsAndCanBeEnteredWithoutErrors(int number)
    {
        var row = RedemptionLimitTable.Rows.Single(r => r.Number == number);
        var offer = OfferOfSeriesType(row.SeriesType);
        var step = RenderStep<RedemptionStep>(offer);

        if (row.AnyoneCanRedeem)
        {
            step.Find("#anyone-can-redeem").Change(true);
        }

        var allowed = RedemptionLimitPolicy.For(row.SeriesType, row.AnyoneCanRedeem);
        Assert.Equal(allowed.Code, step.FindAll("#limit-code").Count == 1);
        Assert.Equal(allowed.Series, step.FindAll("#limit-series").Count == 1);
        Assert.Equal(allowed.Customer, step.FindAll("#customer-level").Count == 1);
        Assert.Equal(allowed.AnyoneCanRedeem, step.FindAll("#anyone-can-redeem").Count == 1);

        EnterLimit(step, "limit-code", row.CodeLimit);
        if (row.CustomerLimit != 1)
        {
            step.Find("#more-than-once").Change(true);
            EnterLimit(step, "limit-customer", row.CustomerLimit);
        }

        EnterLimit(step, "limit-series", row.SeriesLimit);

        Assert.Equal((row.AnyoneCanRedeem, row.CodeLimit, row.CustomerLimit, row.SeriesLimit),
            (offer.Redemption.AnyoneCanRedeem, offer.Redemption.CodeLimit, offer.Redemption.CustomerLimit, offer.Redemption.SeriesLimit));
        Assert.Empty(OfferStepValidator.Validate(offer, OfferStep.Redemption));
        Assert.Empty(step.FindAll(".field-error"));
    }

    [Fact]
    public void TurningAnyoneCanRedeemOffHidesAndClearsTheCodeLevelLimit()
    {
        var offer = ValidOffer(o => o.Redemption.AnyoneCanRedeem = true);
        var step = RenderStep<RedemptionStep>(offer);
        EnterLimit(step, "limit-code", 5);

        step.Find("#anyone-can-redeem").Change(false);

        Assert.Empty(step.FindAll("#limit-code"));
        Assert.Null(offer.Redemption.CodeLimit);
    }

    [Fact]
    public void ThirdPartyCodesShowWhyAnyoneCannotRedeem()
    {
        var step = RenderStep<RedemptionStep>(OfferOfSeriesType(SeriesType.ThirdPartyUploaded));

        Assert.Contains("only by their holder", step.Find("#anyone-not-available").TextContent, StringComparison.Ordinal);
        Assert.Empty(step.FindAll("#anyone-can-redeem"));
    }

    [Fact]
    public void TheGapBetweenRedemptionsIsDisabledWhileACouponIsRedeemedOnce()
    {
        var offer = ValidOffer();
        var step = RenderStep<RedemptionStep>(offer);

        Assert.True(step.Find("#redemption-gap-days").HasAttribute("disabled"));

        step.Find("#more-than-once").Change(true);

        Assert.False(step.Find("#redemption-gap-days").HasAttribute("disabled"));
    }

    [Fact]
    public void AMaximumBillBelowTheMinimumIsReportedNextToTheMaximum()
    {
        var step = RenderStep<RedemptionStep>(ValidOffer());

        step.Find("#min-bill-on").Change(true);
        step.Find("#min-bill").Change("500");
        step.Find("#max-bill-on").Change(true);
        step.Find("#max-bill").Change("200");

        Assert.Equal("The maximum bill amount (200) is below the minimum (500).", ErrorNextTo(step, "redemption.maxBill"));
    }

    [Fact]
    public void ALaterRedemptionStartIsReadInTheOrgsZone()
    {
        var offer = ValidOffer();
        var step = RenderStep<RedemptionStep>(offer);

        step.Find("#start-from").Click();
        Assert.Equal(new DateTimeOffset(2026, 11, 13, 0, 0, 0, TimeSpan.FromHours(5.5)), offer.Redemption.StartsAt);

        step.Find("#start-time").Change("18:30");

        Assert.Equal(new DateTimeOffset(2026, 11, 13, 18, 30, 0, TimeSpan.FromHours(5.5)), offer.Redemption.StartsAt);
    }

    [Fact]
    public async Task StoresArePickedFromTheOrgsTreeAfterSearching()
    {
        await SeedDemoAsync();
        var offer = ValidOffer();
        var step = RenderStep<RedemptionStep>(offer);

        step.Find("#restrict-stores").Change(true);
        step.WaitForState(() => EntityRows(step).Count == 12, LoadTimeout);
        step.Find("#entity-search").Input("chennai");

        Assert.Equal(["entity-Store-S-CHN-01"], EntityRows(step));
        step.Find("#entity-Store-S-CHN-01").Change(true);

        Assert.Equal([new CouponAdmin.Core.Org.OrgEntityRef(CouponAdmin.Core.Org.OrgEntityType.Store, "S-CHN-01")], offer.Redemption.OrgEntities);
        Assert.Equal(["STORE S-CHN-01"], step.FindAll(".selected-entity").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task AnUploadedListOfIdsAddsTheKnownEntitiesAndNamesTheRowOfAnUnknownOne()
    {
        await SeedDemoAsync();
        var offer = ValidOffer(o => o.Redemption.OrgEntities = [new(OrgEntityType.Store, "S-CHN-01")]);
        var step = RenderStep<RedemptionStep>(offer);

        step.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromText("type,id\nstore,S-CHN-01\nstore,S-99\nzone,Z-NORTH\nTILL,T-DEL-01-1\n", "stores.csv"));

        step.WaitForState(() => step.FindAll("#entity-file-added").Count == 1, LoadTimeout);
        Assert.Equal(
            [new(OrgEntityType.Store, "S-CHN-01"), new(OrgEntityType.Zone, "Z-NORTH"), new(OrgEntityType.Till, "T-DEL-01-1")],
            offer.Redemption.OrgEntities);
        Assert.Equal("Added 2 from stores.csv", step.Find("#entity-file-added").TextContent.Trim());
        Assert.Equal(["row 3: no STORE with id 'S-99'"], step.FindAll(".entity-file-problem").Select(p => p.TextContent.Trim()));
        Assert.Equal(["STORE S-CHN-01", "ZONE Z-NORTH", "TILL T-DEL-01-1"], step.FindAll(".selected-entity").Select(c => c.TextContent.Trim()));
    }

    private static List<string> EntityRows(IRenderedComponent<StepHost<RedemptionStep>> step) =>
        [.. step.FindAll("#entity-tree input").Select(i => i.Id ?? "")];

    [Fact]
    public void PickedDaysAndHoursGoIntoTheSettings()
    {
        var offer = ValidOffer();
        var step = RenderStep<RedemptionStep>(offer);

        step.Find("#dow-Saturday").Click();
        step.Find("#dom-15").Click();
        step.Find("#hour-18").Click();

        Assert.Equal([DayOfWeek.Saturday], offer.Redemption.DaysOfWeek);
        Assert.Equal([15], offer.Redemption.DaysOfMonth);
        Assert.Equal([18], offer.Redemption.Hours);
    }

    private static OfferDefinition OfferOfSeriesType(SeriesType type) => ValidOffer(o =>
    {
        (o.Coupon.IssuedBy, o.Coupon.Generation.Method) = RedemptionLimitTable.ChoicesFor(type);
        o.Coupon.Generation.CommonCode = "HOLIDAY20";
    });

    private static void EnterLimit(IRenderedComponent<StepHost<RedemptionStep>> step, string id, int? limit)
    {
        if (limit is null)
        {
            return;
        }

        step.Find($"#{id}-limited").Click();
        step.Find($"#{id}-value").Change(limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
