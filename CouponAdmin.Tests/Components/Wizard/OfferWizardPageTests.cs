using System.Reflection;
using Bunit;
using CouponAdmin.Components.Pages.Incentives.Wizard;
using CouponAdmin.Core.Offers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Components.Wizard;

/// <summary>The wizard page: Next is blocked by the step's Core validation, and saving creates or updates the offer.</summary>
public sealed class OfferWizardPageTests : WizardTestContext
{
    [Fact]
    public void NextWithoutANameStaysOnTheOfferStepAndSaysWhatIsMissing()
    {
        var page = RenderWizard();

        page.Find("#wizard-next").Click();

        Assert.Contains("Give the offer a name.", page.Find("#step-blocked").TextContent, StringComparison.Ordinal);
        Assert.Equal("Give the offer a name.", ErrorNextTo(page, "name"));
        Assert.Single(page.FindAll("#offer-name"));
    }

    [Fact]
    public void FixingTheProblemClearsTheMessageAndNextMovesOn()
    {
        var page = RenderWizard();
        page.Find("#wizard-next").Click();

        page.Find("#offer-name").Change("Winter sale");

        Assert.Empty(page.FindAll("#step-blocked"));
        page.Find("#wizard-next").Click();
        Assert.Single(page.FindAll("#generation"));
        Assert.Empty(page.FindAll("#offer-name"));
    }

    [Fact]
    public void MovingToTheNextStepStartsAtItsTop()
    {
        var page = RenderWizard();
        page.Find("#offer-name").Change("Winter sale");
        Assert.Empty(JSInterop.Invocations["scrollTo"]);

        page.Find("#wizard-next").Click();

        Assert.Single(JSInterop.Invocations["scrollTo"]);
    }

    [Fact]
    public void AnErrorOnALaterStepBlocksThatStepToo()
    {
        var page = RenderWizard();
        page.Find("#offer-name").Change("Winter sale");
        page.Find("#wizard-next").Click();

        page.Find("#method-Common").Click();
        page.Find("#wizard-next").Click();

        Assert.Contains("Enter the common code.", page.Find("#step-blocked").TextContent, StringComparison.Ordinal);
        Assert.Equal("Enter the common code.", ErrorNextTo(page, "coupon.generation.commonCode"));
    }

    [Fact]
    public async Task ActivatingOnTheReviewStepCreatesAnActiveOfferAndOpensIt()
    {
        var page = RenderWizard();
        page.Find("#offer-name").Change("Winter sale");
        for (var i = 0; i < 4; i++)
        {
            page.Find("#wizard-next").Click();
        }

        Assert.Contains("Winter sale", page.Find("#review-summary").TextContent, StringComparison.Ordinal);
        page.Find("#activate-offer").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/incentives/\d+$", navigation.Uri), LoadTimeout);
        await using var db = Database.CreateDbContext();
        var offer = await db.Offers.SingleAsync(o => o.Name == "Winter sale");
        Assert.Equal(OfferStatus.Active, offer.Status);
        Assert.EndsWith($"/incentives/{offer.Id}", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingAnActiveOfferSaysWhatCanStillChangeAndSavesTheChange()
    {
        await SeedDemoAsync();
        long id;
        await using (var db = Database.CreateDbContext())
        {
            id = await db.Offers.Where(o => o.Name == "Welcome 10% off").Select(o => o.Id).SingleAsync();
        }

        var page = RenderWizard(id);
        page.WaitForState(() => page.FindAll("#what-can-change").Count == 1, LoadTimeout);

        Assert.Equal(["coupon.generation.method", "coupon.generation"], page.FindAll("#what-can-change li").Select(li => li.GetAttribute("data-locked")));
        page.Find("#offer-name").Change("Welcome 12% off");
        for (var i = 0; i < 4; i++)
        {
            page.Find("#wizard-next").Click();
        }

        Assert.Empty(page.FindAll("#activate-offer"));
        page.Find("#save-draft").Click();
        page.WaitForAssertion(() => Assert.EndsWith($"/incentives/{id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal), LoadTimeout);
        await using var after = Database.CreateDbContext();
        Assert.Equal("Welcome 12% off", (await after.Offers.SingleAsync(o => o.Id == id)).Name);
    }

    [Fact]
    public async Task ARefusalFromSavingGoesBackToTheStepAndShowsItNextToTheField()
    {
        await SeedDemoAsync();
        var page = RenderWizard();
        page.Find("#offer-name").Change("Another holiday");
        page.Find("#wizard-next").Click();
        page.Find("#method-Common").Click();
        page.Find("#common-code").Change("HOLIDAY20");
        for (var i = 0; i < 3; i++)
        {
            page.Find("#wizard-next").Click();
        }

        page.Find("#save-draft").Click();

        page.WaitForAssertion(() => Assert.StartsWith("The common code 'HOLIDAY20' is already a code of offer",
            ErrorNextTo(page, "coupon.generation.commonCode"), StringComparison.Ordinal), LoadTimeout);
        Assert.Single(page.FindAll("#generation"));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Offers.AnyAsync(o => o.Name == "Another holiday"));
    }

    [Fact]
    public void OnlyAdminsAndMarketersMayUseTheWizard()
    {
        var policies = typeof(OfferWizard).GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).Where(p => p is not null);

        Assert.Equal([nameof(CouponAdmin.Core.Access.Permission.EditOffers)], policies);
        Assert.Equal([CouponAdmin.Core.Access.Roles.Admin, CouponAdmin.Core.Access.Roles.Marketer], CouponAdmin.Core.Access.Roles.For(CouponAdmin.Core.Access.Permission.EditOffers));
    }

    private IRenderedComponent<OfferWizard> RenderWizard(long? id = null)
    {
        var page = RenderPage<OfferWizard>(p => p.Add(x => x.Id, id).AddCascadingValue("OrgZone", Kolkata));
        page.WaitForState(() => page.FindAll("#wizard-next").Count == 1, LoadTimeout);
        return page;
    }
}
