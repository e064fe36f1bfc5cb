using Bunit;
using CouponAdmin.Components.Pages.Incentives.Wizard;
using CouponAdmin.Core.Offers;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Components.Wizard;

/// <summary>"Restrict based on past coupon issuals" offers the org's recent offers and stores the picked ids.</summary>
public sealed class PastIssualSelectTests : WizardTestContext
{
    [Fact]
    public async Task TheRecentNonDraftOffersCanBePicked()
    {
        await SeedDemoAsync();
        await using var db = Database.CreateDbContext();
        var welcome = await db.Offers.Where(o => o.Name == "Welcome 10% off").Select(o => o.Id).SingleAsync();
        var offer = ValidOffer();
        var popover = Render<MudBlazor.MudPopoverProvider>();
        var step = Render<StepHost<IssualStep>>(p => p.Add(x => x.Definition, offer).Add(x => x.Context, NewOfferContext()));

        step.Find("#past-issuals .mud-input-control").MouseDown();

        popover.WaitForAssertion(() => Assert.Equal(["HOLIDAY20 common code", "Welcome 10% off"], Items(popover)), LoadTimeout);
        popover.FindAll(".mud-list-item").Single(i => i.TextContent.Contains("Welcome 10% off", StringComparison.Ordinal)).Click();

        Assert.Equal([welcome], offer.Issual.RestrictPastOfferIds);
    }

    private static List<string> Items(IRenderedComponent<MudBlazor.MudPopoverProvider> popover) =>
        [.. popover.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())];
}
