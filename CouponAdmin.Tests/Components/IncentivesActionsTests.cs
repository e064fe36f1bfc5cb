using Bunit;
using CouponAdmin.Components.Pages.Incentives;
using CouponAdmin.Core.Access;
using Microsoft.EntityFrameworkCore;
using IncentivesPage = CouponAdmin.Components.Pages.Incentives.Incentives;

namespace CouponAdmin.Tests.Components;

/// <summary>Where the offer actions appear: the list's New offer button and row menus, the offer page's header menu and simulator.</summary>
public sealed class IncentivesActionsTests : PageTestContext
{
    private static readonly string[] DemoOffers = ["Flat ₹250 on ₹2,000 — South stores", "HOLIDAY20 common code", "Welcome 10% off"];

    private void SignIn(params string[] roles) => AddAuthorization().SetAuthorized("pat@shop.example").SetRoles(roles);

    [Fact]
    public async Task MarketersGetANewOfferButtonLeadingToTheWizard()
    {
        SignIn(Roles.Marketer);
        await SeedDemoAsync();

        var page = RenderPage<IncentivesPage>();

        page.WaitForAssertion(() => Assert.Equal("/incentives/new", page.Find("#new-offer").GetAttribute("href")), LoadTimeout);
    }

    [Fact]
    public async Task SupportStaffSeeTheListWithoutANewOfferButton()
    {
        SignIn(Roles.Support);
        await SeedDemoAsync();

        var page = RenderPage<IncentivesPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("a.offer-name").Count), LoadTimeout);
        Assert.Empty(page.FindAll("#new-offer"));
    }

    [Fact]
    public async Task EveryRowOfTheListHasAMoreOptionsMenuNamedForItsOffer()
    {
        SignIn(Roles.Admin);
        await SeedDemoAsync();

        var page = RenderPage<IncentivesPage>();

        page.WaitForAssertion(() => Assert.Equal(
            DemoOffers.Select(n => $"More options for {n}"),
            page.FindAll("button[aria-label^='More options for']").Select(b => b.GetAttribute("aria-label")!).Order(StringComparer.Ordinal)), LoadTimeout);
    }

    [Fact]
    public async Task TheOfferPageHeaderHasTheMenuAndThePageHasTheSimulator()
    {
        SignIn(Roles.Admin);
        var id = await DemoOfferIdAsync("Welcome 10% off");

        var page = RenderPage<OfferDetail>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() =>
        {
            Assert.Single(page.FindAll("button[aria-label='More options for Welcome 10% off']"));
            Assert.Single(page.FindAll("#rule-simulator"));
        }, LoadTimeout);
    }

    [Fact]
    public async Task SupportStaffCannotActivateOrPauseAnOffer()
    {
        SignIn(Roles.Support);
        var id = await DemoOfferIdAsync("Welcome 10% off");

        var page = RenderPage<OfferDetail>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("button[aria-label='More options for Welcome 10% off']")), LoadTimeout);
        Assert.Empty(page.FindAll("#pause"));
        Assert.Empty(page.FindAll("#activate"));
    }

    private async Task<long> DemoOfferIdAsync(string name)
    {
        await SeedDemoAsync();
        await using var db = Database.CreateDbContext();
        return await db.Offers.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }
}
