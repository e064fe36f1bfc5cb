using CouponAdmin.Core.Offers;
using CouponAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponAdmin.Tests.E2E;

/// <summary>
/// An admin opening every screen of the menu, an offer, a customer and an unknown address: each renders, the browser
/// logs no error and requests nothing that is missing (a favicon included), and an unknown address gets our own page.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class EveryPageJourneyTests(BrowserFixture browser, LiveApp app) : IClassFixture<LiveApp>, IAsyncLifetime
{
    private IPage? _page;

    [Fact]
    public async Task EveryScreenOpensWithoutABrowserErrorOrAMissingFile()
    {
        var offerId = (await app.Services.GetRequiredService<OfferQueries>().ListAsync(new("Welcome 10% off"))).Items.Single().Id;
        _page = await browser.SignedInPageAsync(app.BaseUrl, "/");
        var problems = new List<string>();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text}");
            }
        };
        _page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };

        foreach (var (path, marker) in new[]
        {
            ("/", "#dashboard-figures"), ("/incentives", "a.offer-name"), ($"/incentives/{offerId}", "#offer-figures"),
            ("/incentives/new", "#wizard-title"), ("/member-care", "#customers-grid"), ("/member-care/1001", "#customer-card"),
            ("/uploads", "#upload-table"), ("/outbox", "h4"), ("/audit", "#audit-grid"), ("/settings", "#entities-grid"),
        })
        {
            await _page.GotoAsync(path);
            await _page.Locator("#blazor-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await Expect(_page.Locator(marker).First).ToBeVisibleAsync();
            await Expect(_page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            if (path is "/" or "/audit")
            {
                await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor(path == "/" ? "dashboard.png" : "audit.png"), FullPage = true });
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // The browser itself logs the 404 of an unknown address; what matters is that our page answers it.
        await _page.GotoAsync("/no-such-page");
        await Expect(_page.Locator("#not-found")).ToHaveTextAsync("Page not found");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }
}
