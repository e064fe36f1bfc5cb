using Bunit;
using CouponAdmin.Components.Pages.Incentives;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Components;

/// <summary>The offer detail page reads one offer from the database and shows every setting, grouped by section.</summary>
public sealed class OfferDetailTests : PageTestContext
{
    public OfferDetailTests()
    {
        AddAuthorization().SetAuthorized("admin@demo.local").SetRoles("Admin");
    }

    [Fact]
    public async Task TheDetailShowsEverySectionOfTheOffersSettings()
    {
        var id = await DemoOfferIdAsync("HOLIDAY20 common code");

        var page = RenderDetail(id);

        page.WaitForAssertion(() => Assert.Equal(["Offer", "Coupon details", "Issual & reminders", "Redemption"], SectionTitles(page)), LoadTimeout);
    }

    [Fact]
    public async Task TheDetailShowsTheOffersValues()
    {
        var id = await DemoOfferIdAsync("HOLIDAY20 common code");

        var page = RenderDetail(id);

        page.WaitForAssertion(() =>
        {
            Assert.Equal("HOLIDAY20 common code", page.Find("#offer-title").TextContent.Trim());
            Assert.Equal("HOLIDAY20", Setting(page, "Common code"));
            Assert.Equal("20% off", Setting(page, "Discount"));
            Assert.Equal("Common code", Setting(page, "How codes are created"));
            Assert.Equal("ZONE Z-NORTH · North zone", Setting(page, "Stores allowing redemption"));
            Assert.Equal("Limit to 1,000", Setting(page, "Across customer (series) limit"));
        }, LoadTimeout);
    }

    [Fact]
    public async Task TimesAreShownInTheOrgsTimeZoneWhenTheLayoutProvidesIt()
    {
        var id = await DemoOfferIdAsync("HOLIDAY20 common code");
        await using var db = Database.CreateDbContext();
        var validFrom = (await db.Offers.SingleAsync(o => o.Id == id)).ValidFrom!.Value;
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var expected = TimeZoneInfo.ConvertTime(validFrom, kolkata).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var page = RenderPage<OfferDetail>(p => p.Add(x => x.Id, id).AddCascadingValue("OrgZone", kolkata));

        page.WaitForAssertion(() => Assert.StartsWith(expected + " →", Setting(page, "Validity"), StringComparison.Ordinal), LoadTimeout);
    }

    [Fact]
    public async Task ADraftOfferCanBeActivatedButAnActiveOneOnlyPaused()
    {
        var draft = RenderDetail(await DemoOfferIdAsync("Flat ₹250 on ₹2,000 — South stores"));
        var active = RenderDetail(await DemoOfferIdAsync("Welcome 10% off"));

        draft.WaitForAssertion(() =>
        {
            Assert.Single(draft.FindAll("#activate"));
            Assert.Empty(draft.FindAll("#pause"));
        }, LoadTimeout);
        active.WaitForAssertion(() =>
        {
            Assert.Single(active.FindAll("#pause"));
            Assert.Empty(active.FindAll("#activate"));
        }, LoadTimeout);
    }

    [Fact]
    public void AnUnknownOfferShowsTheNotFoundMessage()
    {
        var page = RenderDetail(424242);

        page.WaitForAssertion(() =>
        {
            Assert.Contains("There is no offer 424242.", page.Find(".mud-alert").TextContent, StringComparison.Ordinal);
            Assert.Empty(SectionTitles(page));
        }, LoadTimeout);
    }

    private IRenderedComponent<OfferDetail> RenderDetail(long id) => RenderPage<OfferDetail>(p => p.Add(x => x.Id, id));

    private async Task<long> DemoOfferIdAsync(string name)
    {
        await SeedDemoAsync();
        await using var db = Database.CreateDbContext();
        return await db.Offers.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private static List<string> SectionTitles(IRenderedComponent<OfferDetail> page) =>
        [.. page.FindAll(".mud-paper h6").Select(h => h.TextContent.Trim())];

    private static string Setting(IRenderedComponent<OfferDetail> page, string label) =>
        page.FindAll(".settings-table tr")
            .Select(row => row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Single(cells => cells[0] == label)[1];
}
