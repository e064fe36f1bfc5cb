using CouponAdmin.Tests.Support;
using Microsoft.Playwright;

namespace CouponAdmin.Tests.E2E;

/// <summary>
/// One headless Debian Chromium for every browser journey (apt's chromium: no browser download). Each test
/// opens its own context, so cookies never leak between journeys.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Generous for a 2-core machine, bounded so a broken app fails instead of hanging.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Starts Chromium on first use, so tests of the same collection that need no browser never wait for it.</summary>
    private async Task<IBrowser> BrowserAsync()
    {
        if (_browser is not null)
        {
            return _browser;
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install it with 'apt-get install -y chromium'.");
        }

        Assertions.SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = (float)Timeout.TotalMilliseconds,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return _browser;
    }

    /// <summary>
    /// A fresh page that opened <paramref name="path"/>, was sent to the sign-in form, signed in (as the demo admin unless told) and
    /// waits for the app's circuit to be live (the layout renders <c>#blazor-interactive</c> once it is).
    /// <paramref name="watch"/> sees the page before it opens anything (to collect browser errors from the start).
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string baseUrl, string path, string email = CouponAdminFactory.AdminEmail,
        string password = CouponAdminFactory.AdminPassword, Action<IPage>? watch = null)
    {
        var page = await NewPageAsync(baseUrl);
        watch?.Invoke(page);
        await page.GotoAsync(path);
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await page.Locator("#blazor-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>A fresh page in a fresh context (no cookies), with every wait bounded by <see cref="Timeout"/>.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl)
    {
        var context = await (await BrowserAsync()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "en-IN",
        });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Timeout.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
