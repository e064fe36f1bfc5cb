using Bunit;
using CouponAdmin.Components.Pages.MemberCare;
using CouponAdmin.Core.Access;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Tests.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CouponAdmin.Tests.Components.MemberCare;

/// <summary>
/// A customer's page in Member care, as support staff use it: each coupon's status chip and Reversed badge, the redemption
/// history, and the revoke, transfer and reverse dialogs — each gated by its confirmation and showing Core's refusals.
/// </summary>
public sealed class CustomerCarePageTests : PageTestContext
{
    private const string Holder = "+919800000101";
    private const string Other = "+919800000102";

    private IRenderedComponent<MudDialogProvider> _dialogs = null!;
    private long _offerId;

    public CustomerCarePageTests() => AddAuthorization().SetAuthorized("sam@support.example").SetRoles(Roles.Support);

    [Fact]
    public async Task EachCouponShowsItsStatusChipTheReversedBadgeAndItsUses()
    {
        var holder = await WorldAsync();
        var issued = await IssueAsync();
        var redeemed = await IssueAsync();
        var reversed = await IssueAsync();
        var revoked = await IssueAsync();
        await RedeemAsync(redeemed);
        await ReverseAsync(await RedeemAsync(reversed));
        await Services.GetRequiredService<Core.Revocation.RevokeCoupon>().ExecuteAsync(new(revoked), "test");

        var page = RenderCustomer(holder);

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tr.coupon-row").Count), LoadTimeout);
        Assert.Equal("Issued", StatusOf(page, issued));
        Assert.Equal("Redeemed", StatusOf(page, redeemed));
        Assert.Equal("Revoked", StatusOf(page, revoked));
        Assert.Equal("Issued", StatusOf(page, reversed));
        Assert.NotNull(Row(page, reversed).QuerySelector(".coupon-reversed"));
        Assert.Null(Row(page, issued).QuerySelector(".coupon-reversed"));
        Assert.Equal("1 / 2", Row(page, redeemed).QuerySelector(".coupon-uses")!.TextContent.Trim());
        Assert.Equal("Expires (Asia/Kolkata)", page.Find(".coupon-expires-header").TextContent.Trim());
        Assert.Matches(@"^\d{1,2} \w{3} \d{4} 23:59$", Row(page, issued).QuerySelector(".coupon-expires")!.TextContent.Trim());
        Assert.True(Row(page, redeemed).QuerySelector(".coupon-revoke")!.HasAttribute("disabled"), "A redeemed coupon cannot be revoked.");
    }

    [Fact]
    public async Task TheCodeTheCustomerWasFoundByIsHighlighted()
    {
        var holder = await WorldAsync();
        await IssueAsync();
        var found = await IssueAsync();

        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/member-care/{holder}?code={found}");
        var page = RenderCustomer(holder);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.coupon-highlighted")), LoadTimeout);
        Assert.Equal(found, page.Find("tr.coupon-highlighted .coupon-code").TextContent.Trim());
    }

    [Fact]
    public async Task RevokingAsksForTheUnderstandingFirstThenRevokesThatCouponOnly()
    {
        var holder = await WorldAsync();
        var kept = await IssueAsync();
        var target = await IssueAsync();
        var page = RenderCustomer(holder);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.coupon-row").Count), LoadTimeout);

        Row(page, target).QuerySelector(".coupon-revoke")!.Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("#revoke-coupon-confirm"), LoadTimeout);
        Assert.True(_dialogs.Find("#revoke-coupon-confirm").HasAttribute("disabled"), "Nothing happens before the person confirms.");
        _dialogs.Find("#revoke-understood input, input#revoke-understood").Change(true);
        _dialogs.WaitForAssertion(() => Assert.False(_dialogs.Find("#revoke-coupon-confirm").HasAttribute("disabled")), LoadTimeout);
        _dialogs.Find("#revoke-coupon-confirm").Click();

        page.WaitForAssertion(() => Assert.Equal("Revoked", StatusOf(page, target)), LoadTimeout);
        Assert.Equal("Issued", StatusOf(page, kept));
    }

    [Fact]
    public async Task ATransferTheNewHoldersLimitRefusesShowsCoresMessageAndMovesNothing()
    {
        var holder = await WorldAsync(o => o.Issual.MaxPerCustomer = 1);
        var code = await IssueAsync();
        var other = await RegisterAsync(Other);
        Assert.True((await Services.GetRequiredService<IssueCoupon>().ExecuteAsync(new(_offerId, IdentifierType.UserId, other.ToString(System.Globalization.CultureInfo.InvariantCulture)), "test")).IsSuccess);
        var page = RenderCustomer(holder);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.coupon-row")), LoadTimeout);

        Row(page, code).QuerySelector(".coupon-transfer")!.Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("input#transfer-customer"), LoadTimeout);
        Assert.True(_dialogs.Find("#transfer-confirm").HasAttribute("disabled"), "No one to transfer to yet.");
        _dialogs.Find("input#transfer-customer").Change(Other);
        _dialogs.WaitForAssertion(() => Assert.Contains($"customer {other}", _dialogs.Find("#transfer-target").TextContent, StringComparison.Ordinal), LoadTimeout);
        _dialogs.Find("#transfer-confirm").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("maximum of 1", _dialogs.Find("#transfer-error").TextContent, StringComparison.Ordinal), LoadTimeout);
        await using var db = Database.CreateDbContext();
        Assert.Equal(CouponStatus.Issued, (await db.Coupons.SingleAsync(c => c.Code == code)).Status);
    }

    [Fact]
    public async Task ReversingShowsWhatIsGivenBackAndLeavesTheCouponReversed()
    {
        var holder = await WorldAsync();
        var code = await IssueAsync();
        await RedeemAsync(code);
        var page = RenderCustomer(holder);
        page.WaitForAssertion(() => Assert.Equal("Redeemed", StatusOf(page, code)), LoadTimeout);

        Row(page, code).QuerySelector("td button")!.Click();
        page.WaitForAssertion(() => page.Find(".redemption-reverse"), LoadTimeout);
        page.Find(".redemption-reverse").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("(1 / 2 becomes 0 / 2)", Words(_dialogs.Find("#reverse-gives-back").TextContent), StringComparison.Ordinal), LoadTimeout);
        _dialogs.Find("#reverse-confirm").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Equal("Issued", StatusOf(page, code));
            Assert.NotNull(Row(page, code).QuerySelector(".coupon-reversed"));
        }, LoadTimeout);
    }

    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    /// <summary>Text as a reader sees it: runs of white space as one space.</summary>
    private static string Words(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>The page as the layout gives it: with the org's time zone cascaded.</summary>
    [Fact]
    public async Task ResendIsDisabledWithCoresReasonWhenTheOfferHasNoResendText()
    {
        var holder = await WorldAsync(o => o.Issual.ResendSms = null);
        var code = await IssueAsync();

        var page = RenderCustomer(holder);

        page.WaitForAssertion(() => Assert.True(Row(page, code).QuerySelector(".coupon-resend")!.HasAttribute("disabled")), LoadTimeout);
        Assert.Contains("has no SMS text for resending", Row(page, code).QuerySelector(".coupon-resend")!.GetAttribute("data-reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResendingQueuesTheOffersTextToTheHoldersMobile()
    {
        var holder = await WorldAsync(o => o.Issual.ResendSms = new ResendSmsSettings { Text = "Your code {{coupon.code}}" });
        var code = await IssueAsync();
        var page = RenderCustomer(holder);
        page.WaitForAssertion(() => Assert.False(Row(page, code).QuerySelector(".coupon-resend")!.HasAttribute("disabled")), LoadTimeout);

        Row(page, code).QuerySelector(".coupon-resend")!.Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("#resend-confirm"), LoadTimeout);
        _dialogs.Find("#resend-confirm").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains(Holder, _dialogs.Find("#resend-result").TextContent, StringComparison.Ordinal), LoadTimeout);
        await using var db = Database.CreateDbContext();
        var message = await db.OutboxMessages.SingleAsync();
        Assert.Equal((Holder, $"Your code {code}"), (message.Recipient, message.Body));
    }

    private IRenderedComponent<CustomerCare> RenderCustomer(long userId) =>
        RenderPage<CustomerCare>(p => p.Add(x => x.UserId, userId).AddCascadingValue("OrgZone", Kolkata));

    private new IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>> parameters)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var page = base.RenderPage(parameters);
        _dialogs = Render<MudDialogProvider>();
        return page;
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<CustomerCare> page, string code) =>
        page.FindAll("tr.coupon-row").Single(r => r.QuerySelector(".coupon-code")?.TextContent.Trim() == code);

    private static string? StatusOf(IRenderedComponent<CustomerCare> page, string code) =>
        Row(page, code).QuerySelector(".coupon-status")?.GetAttribute("data-status");

    /// <summary>An org in Asia/Kolkata, an active auto-unique offer redeemable twice per customer, and the holder.</summary>
    private async Task<long> WorldAsync(Action<OfferDefinition>? change = null)
    {
        var org = Services.GetRequiredService<OrgSetup>();
        Assert.True((await org.SetSettingsAsync("Asia/Kolkata", "INR", "test")).IsSuccess);
        var created = await Services.GetRequiredService<CreateOffer>().ExecuteAsync(TestOffers.Valid(o =>
        {
            o.Redemption.CustomerLimit = 2;
            change?.Invoke(o);
        }), "test");
        Assert.True(created.IsSuccess, created.Error?.Message);
        _offerId = created.Value!.Id;
        Assert.True((await Services.GetRequiredService<ChangeOfferStatus>().ExecuteAsync(_offerId, OfferStatus.Active, "test")).IsSuccess);
        return await RegisterAsync(Holder);
    }

    private async Task<long> RegisterAsync(string mobile)
    {
        var registered = await Services.GetRequiredService<CustomerDirectory>().RegisterAsync(new RegisterCustomerRequest(Mobile: mobile));
        Assert.True(registered.IsSuccess, registered.Error?.Message);
        return registered.Value!.UserId;
    }

    private async Task<string> IssueAsync()
    {
        var issued = await Services.GetRequiredService<IssueCoupon>().ExecuteAsync(new(_offerId, IdentifierType.Mobile, Holder), "test");
        Assert.True(issued.IsSuccess, issued.Error?.Message);
        return issued.Value!.Code;
    }

    private async Task<long> RedeemAsync(string code)
    {
        var redeemed = await Services.GetRequiredService<RedeemCoupon>().ExecuteAsync(
            new RedeemRequest(code, IdentifierType.Mobile, Holder, null, "S1", 1000m, null, $"T-{Guid.NewGuid():N}"), "test");
        Assert.True(redeemed.IsSuccess, redeemed.Error?.Message);
        return redeemed.Value!.RedemptionId!.Value;
    }

    private async Task ReverseAsync(long redemptionId) =>
        Assert.True((await Services.GetRequiredService<ReverseRedemption>().ExecuteAsync(redemptionId, "test")).IsSuccess);
}
