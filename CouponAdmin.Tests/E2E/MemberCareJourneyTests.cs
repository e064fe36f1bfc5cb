using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CouponAdmin.Core.Access;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponAdmin.Tests.E2E;

/// <summary>
/// Member care in real Chromium, signed in as a Support user: find a customer by a coupon code, revoke, transfer and
/// reverse — and, signed in as a Marketer, no Member care at all.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class MemberCareJourneyTests(BrowserFixture browser, LiveApp app) : IClassFixture<LiveApp>, IAsyncLifetime
{
    private const string Welcome = "Welcome 10% off";
    private IPage? _page;

    [Fact]
    public async Task SupportFindsACustomerByACouponCodeAndRevokesThatCoupon()
    {
        var code = await IssueWelcomeAsync(12);
        var page = await SignedInAsync(Roles.Support, "/member-care");

        await page.FillAsync("#customer-search", code.ToLowerInvariant());
        await page.PressAsync("#customer-search", "Enter");
        var row = page.Locator("tr.coupon-highlighted");
        await Expect(row.Locator(".coupon-code")).ToHaveTextAsync(code);
        await row.Locator(".coupon-revoke").ClickAsync();
        await Expect(page.Locator("#revoke-coupon-confirm")).ToBeDisabledAsync();
        await page.GetByLabel("I understand that revoking coupons will make them unredeemable").CheckAsync();
        await page.ClickAsync("#revoke-coupon-confirm");

        await Expect(row.Locator(".coupon-status")).ToHaveAttributeAsync("data-status", "Revoked");
        Assert.Equal("revoked", (string?)(await ApiCouponAsync(code))["status"]);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("member-care-customer.png"), FullPage = true });
    }

    [Fact]
    public async Task SupportTransfersACouponAndTheNewHoldersPageShowsItIssued()
    {
        var code = await IssueWelcomeAsync(13);
        var (from, to) = (await UserIdAsync(13), await UserIdAsync(14));
        var page = await SignedInAsync(Roles.Support, $"/member-care/{from}");

        await page.Locator("tr.coupon-row", new() { HasText = code }).Locator(".coupon-transfer").ClickAsync();
        await page.FillAsync("#transfer-customer", Mobile(14));
        await page.PressAsync("#transfer-customer", "Tab");
        await Expect(page.Locator("#transfer-target")).ToContainTextAsync($"customer {to}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("member-care-transfer.png") });
        await page.ClickAsync("#transfer-confirm");
        await Expect(page.Locator("tr.coupon-row", new() { HasText = code }).Locator(".coupon-status")).ToHaveAttributeAsync("data-status", "Revoked");

        await page.GotoAsync($"/member-care/{to}");
        await Expect(page.Locator("tr.coupon-row", new() { HasText = code }).Locator(".coupon-status")).ToHaveAttributeAsync("data-status", "Issued");
    }

    [Fact]
    public async Task SupportReversesARedemptionAndTheCouponShowsTheReversedBadge()
    {
        var code = await IssueWelcomeAsync(24);
        var redeemed = await app.Services.GetRequiredService<RedeemCoupon>().ExecuteAsync(
            new RedeemRequest(code, IdentifierType.Mobile, Mobile(24), null, "S-DEL-01", 1000m, null, "E2E-REVERSE-1"), "e2e");
        Assert.True(redeemed.IsSuccess, redeemed.Error?.Message);
        var page = await SignedInAsync(Roles.Support, $"/member-care/{await UserIdAsync(24)}");

        var row = page.Locator("tr.coupon-row", new() { HasText = code });
        await Expect(row.Locator(".coupon-status")).ToHaveAttributeAsync("data-status", "Redeemed");
        await row.Locator("td").First.Locator("button").ClickAsync();
        await page.Locator(".redemption-reverse").ClickAsync();
        await Expect(page.Locator("#reverse-gives-back")).ToContainTextAsync("goes back to issued");
        await page.ClickAsync("#reverse-confirm");

        await Expect(row.Locator(".coupon-reversed")).ToBeVisibleAsync();
        await Expect(row.Locator(".coupon-status")).ToHaveAttributeAsync("data-status", "Issued");
        if (await page.Locator(".redemption-reversed").CountAsync() == 0)
        {
            await row.Locator("td").First.Locator("button").ClickAsync();
        }

        await Expect(page.Locator(".redemption-reversed").First).ToContainTextAsync("(Asia/Kolkata)");
    }

    [Fact]
    public async Task AMarketerHasNoMemberCareInTheMenuAndItsAddressIsRefused()
    {
        var page = await SignedInAsync(Roles.Marketer, "/incentives");

        await Expect(page.Locator("#nav-menu")).ToContainTextAsync("Incentives");
        await Expect(page.Locator("#nav-menu")).Not.ToContainTextAsync("Member care");
        await page.GotoAsync("/member-care");
        await Expect(page.Locator("#access-denied")).ToBeVisibleAsync();
        await Expect(page.Locator("#customers-grid")).ToHaveCountAsync(0);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }

    private async Task<IPage> SignedInAsync(string role, string path)
    {
        _page = await browser.SignedInPageAsync(app.BaseUrl, path, await app.UserAsync(role), LiveApp.UserPassword);
        return _page;
    }

    /// <summary>The demo customer number <paramref name="n"/>: few transactions, so the welcome offer's new-customer rule lets them redeem.</summary>
    private static string Mobile(int n) => $"+9198000{n:D5}";

    private async Task<long> UserIdAsync(int n) =>
        (await app.Services.GetRequiredService<CustomerDirectory>().FindAsync(IdentifierType.Mobile, Mobile(n))).Value!.UserId;

    private async Task<string> IssueWelcomeAsync(int customer)
    {
        var offers = await app.Services.GetRequiredService<OfferQueries>().ListAsync(new(Welcome));
        var issued = await app.Services.GetRequiredService<IssueCoupon>()
            .ExecuteAsync(new IssueCouponRequest(offers.Items.Single(o => o.Name == Welcome).Id, IdentifierType.Mobile, Mobile(customer)), "e2e");
        Assert.True(issued.IsSuccess, issued.Error?.Message);
        return issued.Value!.Code;
    }

    private async Task<JsonNode> ApiCouponAsync(string code)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Api-Key", CouponAdminFactory.ApiKey);
        return (await http.GetFromJsonAsync<JsonNode>($"/api/v1/coupons/{code}"))!;
    }
}
