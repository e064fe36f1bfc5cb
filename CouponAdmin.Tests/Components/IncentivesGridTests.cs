using Bunit;
using CouponAdmin.Core.Offers;
using CouponAdmin.Tests.Offers;
using Microsoft.Extensions.DependencyInjection;
using IncentivesPage = CouponAdmin.Components.Pages.Incentives.Incentives;

namespace CouponAdmin.Tests.Components;

/// <summary>The Incentives grid against the real Core queries on a SQLite file: filters and paging happen in the query.</summary>
public sealed class IncentivesGridTests : PageTestContext
{
    private const string Welcome = "Welcome 10% off";
    private const string Holiday = "HOLIDAY20 common code";
    private const string SouthFlat = "Flat ₹250 on ₹2,000 — South stores";

    [Fact]
    public async Task TheGridListsTheOffersInTheDatabase()
    {
        await SeedDemoAsync();

        var page = RenderIncentives();

        page.WaitForAssertion(() => Assert.Equal([SouthFlat, Holiday, Welcome], Names(page).Order(StringComparer.Ordinal)), LoadTimeout);
    }

    [Fact]
    public async Task ClickingTheDraftChipShowsOnlyDraftOffers()
    {
        await SeedDemoAsync();
        var page = RenderIncentives();
        page.WaitForAssertion(() => Assert.Equal(3, Names(page).Count), LoadTimeout);

        page.Find("#filter-Draft").Click();

        page.WaitForAssertion(() => Assert.Equal([SouthFlat], Names(page)), LoadTimeout);
    }

    [Fact]
    public async Task ClickingTheActiveChipShowsOnlyActiveOffers()
    {
        await SeedDemoAsync();
        var page = RenderIncentives();
        page.WaitForAssertion(() => Assert.Equal(3, Names(page).Count), LoadTimeout);

        page.Find("#filter-Active").Click();

        page.WaitForAssertion(() => Assert.Equal([Holiday, Welcome], Names(page).Order(StringComparer.Ordinal)), LoadTimeout);
    }

    [Fact]
    public async Task SearchingByNameShowsOnlyMatchingOffers()
    {
        await SeedDemoAsync();
        var page = RenderIncentives();
        page.WaitForAssertion(() => Assert.Equal(3, Names(page).Count), LoadTimeout);

        page.Find("input#offer-search").Change("holiday");

        page.WaitForAssertion(() => Assert.Equal([Holiday], Names(page)), LoadTimeout);
    }

    [Fact]
    public async Task ASearchThatMatchesNothingSaysSo()
    {
        await SeedDemoAsync();
        var page = RenderIncentives();
        page.WaitForAssertion(() => Assert.Equal(3, Names(page).Count), LoadTimeout);

        page.Find("input#offer-search").Change("no such offer");

        page.WaitForAssertion(() =>
        {
            Assert.Empty(Names(page));
            Assert.Contains("No offers match.", page.Markup, StringComparison.Ordinal);
        }, LoadTimeout);
    }

    [Fact]
    public async Task MoreThanTenOffersArePagedOnTheServer()
    {
        var create = Services.GetRequiredService<CreateOffer>();
        for (var i = 1; i <= 12; i++)
        {
            var result = await create.ExecuteAsync(TestOffers.Valid(o => o.Name = $"Paged offer {i:D2}"), "test");
            Assert.True(result.IsSuccess, result.Error?.Message);
        }

        var page = RenderIncentives();

        page.WaitForAssertion(() =>
        {
            Assert.Equal(10, Names(page).Count);
            Assert.Contains("of 12", page.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
        }, LoadTimeout);
    }

    [Fact]
    public async Task TheSecondPageHoldsTheRemainingOffers()
    {
        var create = Services.GetRequiredService<CreateOffer>();
        for (var i = 1; i <= 12; i++)
        {
            Assert.True((await create.ExecuteAsync(TestOffers.Valid(o => o.Name = $"Paged offer {i:D2}"), "test")).IsSuccess);
        }

        var page = RenderIncentives();
        page.WaitForAssertion(() => Assert.Equal(10, Names(page).Count), LoadTimeout);
        var firstPage = Names(page);

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() =>
        {
            var secondPage = Names(page);
            Assert.Equal(2, secondPage.Count);
            Assert.Empty(secondPage.Intersect(firstPage));
        }, LoadTimeout);
    }

    private IRenderedComponent<IncentivesPage> RenderIncentives() => RenderPage<IncentivesPage>();

    private static List<string> Names(IRenderedComponent<IncentivesPage> page) =>
        [.. page.FindAll("a.offer-name").Select(a => a.TextContent.Trim())];
}
