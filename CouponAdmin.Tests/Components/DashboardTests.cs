using Bunit;
using CouponAdmin.Components.Pages.Dashboard;
using CouponAdmin.Core.Access;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Components.Pages.Incentives;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Components;

/// <summary>The home page's figures and chart, and an offer's figures against its limits.</summary>
public sealed class DashboardTests : PageTestContext
{
    public DashboardTests() => AddAuthorization().SetAuthorized("ops@shop.example").SetRoles(Roles.Ops);

    [Fact]
    public async Task TheDashboardShowsTodaysIssualsTheActiveOffersAndAThirtyDayChart()
    {
        await SeedDemoAsync();
        // The demo data brings a week of history (none of it today).
        var before = await Services.GetRequiredService<CouponAdmin.Core.Reporting.Dashboard>().GetAsync();
        var welcome = await IssueWelcomeAsync(3);

        var page = RenderPage<Home>();

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("#figure-issued .figure-value").TextContent.Trim()), LoadTimeout);
        Assert.Equal(0, before.Today.Issued);
        Assert.True(before.Last30Days.Issued > 0, "The demo's week of history shows on a first start.");
        Assert.Equal("2", page.Find("#figure-active-offers .figure-value").TextContent.Trim());
        Assert.Equal($"{before.Last30Days.Issued + 3} in 30 days", page.Find("#figure-issued .figure-detail").TextContent.Trim());
        Assert.Equal("30", page.Find(".daily-chart").GetAttribute("data-days"));
        Assert.NotEmpty(page.FindAll(".daily-chart svg"));
        Assert.NotNull(page.Find("#figure-uploads-running a[href='/uploads']"));
        Assert.True(welcome > 0);
    }

    [Fact]
    public async Task AnOffersFiguresShowWhatIsIssuedAndWhatRemainsOfItsLimits()
    {
        await SeedDemoAsync();
        var welcome = await IssueWelcomeAsync(2);
        var issuedByDemo = (await Services.GetRequiredService<CouponAdmin.Core.Reporting.OfferFigures>().GetAsync(welcome)).Value!.Total.Issued - 2;

        var panel = RenderPage<OfferFiguresPanel>(p => p.Add(x => x.OfferId, welcome));

        panel.WaitForAssertion(() => Assert.Equal($"{issuedByDemo + 2:N0}", panel.Find("#offer-issued").TextContent.Trim()), LoadTimeout);
        var issual = panel.Find(".offer-limit[data-limit='Issual limit']").TextContent;
        Assert.Contains($"{issuedByDemo + 2:N0} used", issual, StringComparison.Ordinal);
        Assert.Contains("no limit", issual, StringComparison.Ordinal);
        Assert.Contains("Code capacity", panel.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(panel.FindAll(".daily-chart svg"));
    }

    private async Task<long> IssueWelcomeAsync(int customers)
    {
        var offers = await Services.GetRequiredService<OfferQueries>().ListAsync(new("Welcome 10% off"));
        var offerId = offers.Items.Single().Id;
        for (var i = 0; i < customers; i++)
        {
            var issued = await Services.GetRequiredService<IssueCoupon>()
                .ExecuteAsync(new IssueCouponRequest(offerId, IdentifierType.Mobile, $"+9198000{i:D5}"), "test");
            Assert.True(issued.IsSuccess, issued.Error?.Message);
        }

        return offerId;
    }
}
