using System.Text.RegularExpressions;
using CouponAdmin.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponAdmin.Tests.E2E;

/// <summary>A newcomer's first minutes with the demo data, in real Chromium against the real app on Kestrel.</summary>
[Collection(WebCollection.Name)]
public sealed partial class DemoJourneyTests(BrowserFixture browser, LiveApp app) : IClassFixture<LiveApp>, IAsyncLifetime
{
    private static readonly string[] DemoOffers = ["Welcome 10% off", "HOLIDAY20 common code", "Flat ₹250 on ₹2,000 — South stores"];

    private IPage? _page;

    [Fact]
    public async Task SigningInFromTheIncentivesPageShowsTheDemoOffers()
    {
        var page = await OpenAsync("/incentives");
        await Expect(page).ToHaveURLAsync(LoginForIncentives());

        await SignInAsync(page, CouponAdminFactory.AdminEmail, CouponAdminFactory.AdminPassword);

        await Expect(page).ToHaveURLAsync(IncentivesList());
        await WaitUntilInteractiveAsync(page);
        foreach (var name in DemoOffers)
        {
            await Expect(OfferLink(page, name)).ToBeVisibleAsync();
        }

        await Expect(page.Locator("a.offer-name")).ToHaveCountAsync(DemoOffers.Length);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("incentives.png"), FullPage = true });
    }

    [Fact]
    public async Task TheStatusChipsAndSearchFilterTheGridInTheBrowser()
    {
        var page = await SignedInAtIncentivesAsync();

        await page.ClickAsync("#filter-Draft");
        await Expect(page.Locator("a.offer-name")).ToHaveTextAsync(["Flat ₹250 on ₹2,000 — South stores"]);

        await page.ClickAsync("#filter-Draft");
        await Expect(page.Locator("a.offer-name")).ToHaveCountAsync(DemoOffers.Length);

        await page.FillAsync("#offer-search", "welcome");
        await page.PressAsync("#offer-search", "Enter");
        await Expect(page.Locator("a.offer-name")).ToHaveTextAsync(["Welcome 10% off"]);
    }

    [Fact]
    public async Task ClickingAnOfferOpensItsSettings()
    {
        var page = await SignedInAtIncentivesAsync();

        await OfferLink(page, "HOLIDAY20 common code").ClickAsync();

        await Expect(page).ToHaveURLAsync(OfferDetailUrl());
        await Expect(page.Locator("#offer-title")).ToHaveTextAsync("HOLIDAY20 common code");
        await Expect(page.Locator(".settings-table tr", new() { HasText = "Common code" }).Last.Locator("td").Nth(1)).ToHaveTextAsync("HOLIDAY20");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Redemption", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task AWrongPasswordShowsTheSignInFailure()
    {
        var page = await OpenAsync("/incentives");

        await SignInAsync(page, CouponAdminFactory.AdminEmail, "not-the-password");

        await Expect(page.Locator("#login-failed")).ToBeVisibleAsync();
        await Expect(page.Locator("#login-failed")).ToContainTextAsync("do not match");
        await Expect(page).ToHaveURLAsync(LoginForIncentives());
        await page.GotoAsync("/incentives");
        await Expect(page).ToHaveURLAsync(LoginForIncentives());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }

    private async Task<IPage> OpenAsync(string path)
    {
        _page = await browser.NewPageAsync(app.BaseUrl);
        await _page.GotoAsync(path);
        return _page;
    }

    private async Task<IPage> SignedInAtIncentivesAsync()
    {
        var page = await OpenAsync("/incentives");
        await SignInAsync(page, CouponAdminFactory.AdminEmail, CouponAdminFactory.AdminPassword);
        await Expect(page).ToHaveURLAsync(IncentivesList());
        await WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("a.offer-name")).ToHaveCountAsync(DemoOffers.Length);
        return page;
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
    }

    /// <summary>Blazor Server ignores clicks until the circuit is live; the layout renders this marker once it is.</summary>
    private static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("#blazor-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    private static ILocator OfferLink(IPage page, string name) =>
        page.Locator("a.offer-name", new() { HasTextString = name });

    [GeneratedRegex(@"/account/login\?(.+&)?returnUrl=%2Fincentives(&|$)", RegexOptions.IgnoreCase)]
    private static partial Regex LoginForIncentives();

    [GeneratedRegex(@"/incentives$")]
    private static partial Regex IncentivesList();

    [GeneratedRegex(@"/incentives/\d+$")]
    private static partial Regex OfferDetailUrl();
}
