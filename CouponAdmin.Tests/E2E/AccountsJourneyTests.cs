using System.Text.RegularExpressions;
using CouponAdmin.Core.Access;
using CouponAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponAdmin.Tests.E2E;

/// <summary>
/// Accounts and roles in real Chromium: an admin adds a Support and a Marketer user in Settings › Users, each signs in
/// and sees only the menu <see cref="Roles.Table"/> gives their role; the marketer has no Revoke action and no Member
/// care; Ops reaches the jobs dashboard and Support does not; a disabled user's open page signs them out. No page
/// logs a browser error or asks for a missing file.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class AccountsJourneyTests(BrowserFixture browser, LiveApp app) : IClassFixture<LiveApp>, IAsyncLifetime
{
    private const string Welcome = "Welcome 10% off";

    /// <summary>The menu in its order, with the permission each entry's page needs.</summary>
    private static readonly (string Label, Permission Permission)[] Menu =
    [
        ("Incentives", Permission.ViewOffers), ("Member care", Permission.MemberCare), ("Uploads", Permission.OrgUploads),
        ("Outbox", Permission.Outbox), ("Jobs", Permission.Jobs), ("Audit log", Permission.Audit), ("Settings", Permission.Settings),
    ];

    private readonly List<IPage> _pages = [];
    private readonly List<string> _problems = [];

    [Fact]
    public async Task AnAdminAddsASupportAndAMarketerUserWhoEachSeeOnlyTheirMenu()
    {
        var admin = await SignedInAsync("/settings", CouponAdminFactory.AdminEmail, CouponAdminFactory.AdminPassword);
        await admin.GetByRole(AriaRole.Tab, new() { Name = "Users" }).ClickAsync();
        var supportPassword = await AddUserAsync(admin, "care.agent@shop.example", "Care Agent", "support", chosenPassword: null);
        await Expect(admin.Locator("tr.user-row[data-email='care.agent@shop.example'] .user-roles-list")).ToHaveTextAsync("Support");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("settings-users.png"), FullPage = true });
        await AddUserAsync(admin, "brand.marketer@shop.example", "Brand Marketer", "marketer", chosenPassword: "marketer's first password",
            screenshot: "settings-users-add.png");
        await Expect(admin.Locator("tr.user-row[data-email='brand.marketer@shop.example'] .user-roles-list")).ToHaveTextAsync("Marketer");

        var support = await SignedInAsync("/incentives", "care.agent@shop.example", supportPassword);
        await Expect(support.Locator("#nav-menu a")).ToHaveTextAsync(MenuOf(Roles.Support));
        await support.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("menu-support.png") });

        var marketer = await SignedInAsync("/incentives", "brand.marketer@shop.example", "marketer's first password");
        await Expect(marketer.Locator("#nav-menu a")).ToHaveTextAsync(MenuOf(Roles.Marketer));
        await marketer.ClickAsync($"button[aria-label='More options for {Welcome}']");
        await Expect(marketer.GetByRole(AriaRole.Menuitem, new() { Name = "Edit" })).ToBeVisibleAsync();
        await Expect(marketer.GetByRole(AriaRole.Menuitem, new() { Name = "Revoke coupons" })).ToHaveCountAsync(0);
        await marketer.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("menu-marketer.png") });

        await marketer.GotoAsync("/member-care");
        await Expect(marketer).ToHaveURLAsync(AccessDenied());
        await Expect(marketer.Locator("#access-denied")).ToBeVisibleAsync();
        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task OpsReachesTheJobsDashboardAndSupportDoesNot()
    {
        var ops = await SignedInAsync("/incentives", await app.UserAsync(Roles.Ops), LiveApp.UserPassword);
        await Expect(ops.Locator("#nav-menu a")).ToHaveTextAsync(MenuOf(Roles.Ops));
        await ops.GotoAsync("/jobs");
        await Expect(ops).ToHaveTitleAsync(new Regex("Hangfire"));

        var support = await SignedInAsync("/incentives", await app.UserAsync(Roles.Support), LiveApp.UserPassword);
        await Expect(support.Locator("#nav-menu a", new() { HasTextString = "Jobs" })).ToHaveCountAsync(0);
        await support.GotoAsync("/jobs");
        await Expect(support).ToHaveURLAsync(AccessDenied());
        await Expect(support.Locator("#access-denied")).ToBeVisibleAsync();
        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task ADisabledUsersOpenPageSignsThemOut()
    {
        var user = await app.Services.EnsureAsync("soon.disabled@shop.example", LiveApp.UserPassword, Roles.Support);
        var page = await SignedInAsync("/member-care", "soon.disabled@shop.example", LiveApp.UserPassword);
        await Expect(page.Locator("#customers-grid")).ToBeVisibleAsync();

        var disabled = await app.Services.GetRequiredService<DisableUser>().DisableAsync(user.Id, "user:admin@demo.local");

        Assert.True(disabled.IsSuccess, disabled.Error?.Message);
        // The circuit checks its user every Accounts:CircuitRevalidation (10 s), then sends the page to the sign-in form.
        await Expect(page).ToHaveURLAsync(SignInPage(), new() { Timeout = 30_000 });
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        AssertNoBrowserProblems();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }
    }

    private static string[] MenuOf(string role) => [.. Menu.Where(m => Roles.Allow(m.Permission, [role])).Select(m => m.Label)];

    /// <summary>Adds a user in the open Users tab; returns the password they sign in with (generated, or the one chosen).</summary>
    private static async Task<string> AddUserAsync(IPage admin, string email, string name, string role, string? chosenPassword, string? screenshot = null)
    {
        await admin.ClickAsync("#add-user");
        await admin.FillAsync("#new-user-email", email);
        await admin.FillAsync("#new-user-name", name);
        await admin.Locator($"input#role-{role}").CheckAsync();
        if (chosenPassword is not null)
        {
            await admin.GetByLabel("Set the first password myself").CheckAsync();
            await admin.FillAsync("#new-user-password", chosenPassword);
        }

        if (screenshot is not null)
        {
            await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor(screenshot) });
        }

        await admin.ClickAsync("#new-user-create");
        await Expect(admin.Locator($"tr.user-row[data-email='{email}']")).ToBeVisibleAsync();
        if (chosenPassword is not null)
        {
            await Expect(admin.Locator("#shown-password")).ToHaveCountAsync(0);
            return chosenPassword;
        }

        await Expect(admin.Locator("#shown-password")).ToContainTextAsync(email);
        return await admin.Locator("#shown-password-value").InnerTextAsync();
    }

    private async Task<IPage> SignedInAsync(string path, string email, string password)
    {
        var page = await browser.SignedInPageAsync(app.BaseUrl, path, email, password, Watch);
        _pages.Add(page);
        return page;
    }

    /// <summary>Collects what the browser reports as going wrong: console errors, page errors and failed requests.</summary>
    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Add($"console on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Add($"page error on {page.Url}: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _problems.Add($"{response.Status} {response.Url}");
            }
        };
    }

    private void AssertNoBrowserProblems() => Assert.True(_problems.Count == 0, string.Join(Environment.NewLine, _problems));

    [GeneratedRegex("/account/denied")]
    private static partial Regex AccessDenied();

    [GeneratedRegex("/account/login")]
    private static partial Regex SignInPage();
}
