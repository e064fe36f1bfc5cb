using System.Text.RegularExpressions;
using CouponAdmin.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponAdmin.Tests.E2E;

/// <summary>A marketer creates offers with the wizard in real Chromium against the real app on Kestrel.</summary>
[Collection(WebCollection.Name)]
public sealed partial class OfferWizardJourneyTests(BrowserFixture browser, LiveApp app) : IClassFixture<LiveApp>, IAsyncLifetime
{
    private IPage? _page;

    [Fact]
    public async Task AnAutoUniqueOfferGoesThroughEveryStepIsActivatedAndListed()
    {
        var page = await SignedInAtWizardAsync("/incentives");
        await page.ClickAsync("#new-offer");
        await Expect(page).ToHaveURLAsync(WizardUrl());
        await Expect(page.Locator("#wizard-title")).ToHaveTextAsync("Create offer");

        await SetAsync(page, "#offer-name", "Winter warmers 15% off");
        await SetAsync(page, "#offer-description", "Fifteen percent off knitwear.");
        await SetAsync(page, "#discount-value", "15");
        await SetAsync(page, "#offer-pocs", "winter@demo-brand.example");
        await ShootAsync(page, "wizard-1-offer.png");
        await NextAsync(page);

        await page.ClickAsync("#code-format-edit");
        await SetAsync(page, "#code-prefix", "WIN");
        await Expect(page.Locator("#example-code")).ToHaveTextAsync(AutoUniqueExample());
        await Expect(page.Locator("#code-capacity")).ToHaveTextAsync("2,821,109,907,456 codes");
        await Expect(page.Locator("#expiry-sentence")).ToContainTextAsync("Issued today, expires ");
        await ShootAsync(page, "wizard-2-coupon-details.png");
        await NextAsync(page);

        await ForceClickAsync(page, "#max-issuals-limited");
        await SetAsync(page, "#max-issuals-value", "3");
        await page.Locator("#resend-on").CheckAsync(new() { Force = true });
        await Expect(page.Locator("#resend-sms-segments")).ToContainTextAsync("1 SMS");
        await ShootAsync(page, "wizard-3-issual.png");
        await NextAsync(page);

        await page.Locator("#restrict-stores").CheckAsync(new() { Force = true });
        await SetAsync(page, "#entity-search", "north");
        await page.Locator("#entity-Zone-Z-NORTH").CheckAsync(new() { Force = true });
        await Expect(page.Locator(".selected-entity")).ToHaveTextAsync(["ZONE Z-NORTH"]);
        await ShootAsync(page, "wizard-4-redemption.png");
        await NextAsync(page);

        await Expect(page.Locator("#review-summary")).ToContainTextAsync("Winter warmers 15% off");
        await ShootAsync(page, "wizard-5-review.png");
        await page.ClickAsync("#activate-offer");

        await Expect(page).ToHaveURLAsync(OfferDetailUrl());
        await Expect(page.Locator("#offer-title")).ToHaveTextAsync("Winter warmers 15% off");
        await Expect(page.Locator(".mud-chip", new() { HasTextString = "Active" })).ToBeVisibleAsync();
        await Expect(Setting(page, "Code format")).ToHaveTextAsync("8 alphanumeric characters, prefix WIN");
        await Expect(Setting(page, "Maximum issuals per customer")).ToHaveTextAsync("Limit to 3");
        await Expect(Setting(page, "Stores allowing redemption")).ToHaveTextAsync("ZONE Z-NORTH · North zone");

        await page.GotoAsync("/incentives");
        await Expect(page.Locator("a.offer-name", new() { HasTextString = "Winter warmers 15% off" })).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task ARandomizedCommonOfferFromTest12345ShowsItsFixedPartAndCapacity()
    {
        var page = await SignedInAtWizardAsync();
        await SetAsync(page, "#offer-name", "Personalised TEST codes");
        await NextAsync(page);

        await ForceClickAsync(page, "#method-RandomizedCommon");
        await SetAsync(page, "#sample-code", "TEST12345");

        await Expect(page.Locator("#fixed-part")).ToHaveTextAsync("TEST");
        await Expect(page.Locator("#random-part")).ToHaveTextAsync("•••••");
        await Expect(page.Locator("#code-capacity")).ToHaveTextAsync("60,466,176 codes");
        await Expect(page.Locator("#example-code")).ToHaveTextAsync(RandomizedExample());
        await ShootAsync(page, "wizard-randomized-common.png");

        for (var i = 0; i < 3; i++)
        {
            await NextAsync(page);
        }

        await page.ClickAsync("#save-draft");
        await Expect(page).ToHaveURLAsync(OfferDetailUrl());
        await Expect(Setting(page, "Sample code")).ToHaveTextAsync("TEST12345");
        await Expect(Setting(page, "Code capacity")).ToHaveTextAsync("60,466,176");

        await page.GotoAsync(page.Url + "/edit");
        await WaitUntilInteractiveAsync(page);
        await NextAsync(page);
        await Expect(page.Locator("#sample-code")).ToHaveAttributeAsync("readonly", new Regex(".*"));
        await Expect(page.Locator("#fixed-part")).ToHaveTextAsync("TEST");
    }

    [Fact]
    public async Task AnInvalidValueBlocksNextAndShowsTheMessage()
    {
        var page = await SignedInAtWizardAsync();
        await SetAsync(page, "#offer-name", "Too generous");
        await SetAsync(page, "#discount-value", "150");

        await page.ClickAsync("#wizard-next");

        await Expect(page.Locator("#step-blocked")).ToContainTextAsync("A percentage discount is at most 100, not 150.");
        await Expect(page.Locator(".field-error[data-error-for='discount.value']")).ToHaveTextAsync("A percentage discount is at most 100, not 150.");
        await Expect(page.Locator("#offer-name")).ToBeVisibleAsync();
        await ShootAsync(page, "wizard-blocked-next.png");

        await SetAsync(page, "#discount-value", "50");
        await Expect(page.Locator("#step-blocked")).ToHaveCountAsync(0);
        await NextAsync(page);
        await Expect(page.Locator("#generation")).ToBeVisibleAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }

    /// <summary>Signs in from <paramref name="path"/> (the wizard unless told otherwise) and waits for the live circuit there.</summary>
    private async Task<IPage> SignedInAtWizardAsync(string path = "/incentives/new")
    {
        _page = await browser.SignedInPageAsync(app.BaseUrl, path);
        await Expect(_page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        if (path == "/incentives/new")
        {
            await Expect(_page.Locator("#wizard-title")).ToHaveTextAsync("Create offer");
        }

        return _page;
    }

    /// <summary>MudBlazor text fields bind on change, which a browser fires when the field loses focus.</summary>
    private static async Task SetAsync(IPage page, string selector, string value)
    {
        await page.FillAsync(selector, value);
        await page.PressAsync(selector, "Tab");
    }

    /// <summary>MudBlazor draws its own radio buttons over the real (transparent) input.</summary>
    private static Task ForceClickAsync(IPage page, string selector) => page.ClickAsync(selector, new() { Force = true });

    private static async Task NextAsync(IPage page)
    {
        var active = await page.Locator(".mud-step.active").TextContentAsync();
        await page.ClickAsync("#wizard-next");
        await Expect(page.Locator(".mud-step.active")).Not.ToHaveTextAsync(active ?? "");
    }

    /// <summary>
    /// A picture of the whole step. The viewport is stretched to the page first: a full-page capture of a scrolled
    /// page would paint the fixed app bar halfway down.
    /// </summary>
    private static async Task ShootAsync(IPage page, string fileName)
    {
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.SetViewportSizeAsync(1366, Math.Max(768, height));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor(fileName) });
        await page.SetViewportSizeAsync(1366, 768);
    }

    private static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("#blazor-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    private static ILocator Setting(IPage page, string label) =>
        page.Locator(".settings-table tr", new() { Has = page.Locator("td", new() { HasTextRegex = new Regex($"^{Regex.Escape(label)}$") }) }).Locator("td").Nth(1);

    [GeneratedRegex(@"/incentives/new$")]
    private static partial Regex WizardUrl();

    [GeneratedRegex(@"/incentives/\d+$")]
    private static partial Regex OfferDetailUrl();

    [GeneratedRegex("^WIN[0-9A-Z]{8}$")]
    private static partial Regex AutoUniqueExample();

    [GeneratedRegex("^TEST[0-9A-Z]{5}$")]
    private static partial Regex RandomizedExample();
}
