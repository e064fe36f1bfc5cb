using System.Text.RegularExpressions;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponAdmin.Tests.E2E;

/// <summary>The offer actions in real Chromium: the More options menu and the rule simulator on the offer page.</summary>
[Collection(WebCollection.Name)]
public sealed partial class OfferActionsJourneyTests(BrowserFixture browser, LiveApp app) : IClassFixture<LiveApp>, IAsyncLifetime
{
    private const string Welcome = "Welcome 10% off";
    private const string FirstDemoMobile = "+919800000000";

    private IPage? _page;

    [Fact]
    public async Task DuplicatingFromTheRowMenuOpensTheCopyInTheEditor()
    {
        var page = await SignedInAtAsync("/incentives");
        await Expect(page.Locator("a.offer-name", new() { HasTextString = Welcome })).ToBeVisibleAsync();

        await page.ClickAsync($"button[aria-label='More options for {Welcome}']");
        var items = page.GetByRole(AriaRole.Menuitem);
        await Expect(items).ToHaveTextAsync(["Edit", "Upload customers", "Revoke coupons", "Upload status", "Duplicate offer"]);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("offer-menu.png") });
        await items.Filter(new() { HasTextString = "Duplicate offer" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(EditUrl());
    }

    [Fact]
    public async Task TheSimulatorShowsARefusalForASmallBillAndTheDiscountForALargeOne()
    {
        var offerId = await OfferIdAsync(Welcome);
        var issued = await app.Services.GetRequiredService<IssueCoupon>()
            .ExecuteAsync(new IssueCouponRequest(offerId, IdentifierType.Mobile, FirstDemoMobile), "e2e");
        Assert.True(issued.IsSuccess, issued.Error?.Message);
        var page = await SignedInAtAsync($"/incentives/{offerId}");

        await page.FillAsync("#sim-customer", FirstDemoMobile);
        await page.PressAsync("#sim-customer", "Tab");
        await Expect(page.Locator("#sim-code")).ToHaveValueAsync(issued.Value!.Code);
        await page.FillAsync("#sim-bill", "100");
        await page.PressAsync("#sim-bill", "Tab");
        await page.ClickAsync("#simulate");
        await Expect(page.Locator(".sim-error-code")).ToHaveTextAsync("BILL_AMOUNT_TOO_LOW");

        await page.FillAsync("#sim-bill", "1000");
        await page.PressAsync("#sim-bill", "Tab");
        await page.ClickAsync("#simulate");
        await Expect(page.Locator(".sim-amount")).ToHaveTextAsync("100.00 INR");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("rule-simulator.png"), FullPage = true });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }

    private async Task<long> OfferIdAsync(string name)
    {
        var page = await app.Services.GetRequiredService<Core.Offers.OfferQueries>().ListAsync(new(name));
        return page.Items.Single(o => o.Name == name).Id;
    }

    private async Task<IPage> SignedInAtAsync(string path)
    {
        _page = await browser.SignedInPageAsync(app.BaseUrl, path);
        return _page;
    }

    [GeneratedRegex(@"/incentives/\d+/edit$")]
    private static partial Regex EditUrl();
}
