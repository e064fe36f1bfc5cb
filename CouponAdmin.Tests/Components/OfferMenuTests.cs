using Bunit;
using CouponAdmin.Components.Pages.Incentives;
using CouponAdmin.Core.Access;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Tests.Offers;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CouponAdmin.Tests.Components;

/// <summary>The "More options" menu of an offer: what each role and series type is offered, where it leads, and what it does.</summary>
public sealed class OfferMenuTests : PageTestContext
{
    private const string Everything = "Edit|Upload customers|Upload codes|Revoke coupons|Upload status|Duplicate offer";

    private IRenderedComponent<MudPopoverProvider> _popovers = null!;
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private bool _signedIn;

    /// <summary>Signs in with the roles; before any service is used, as bunit requires.</summary>
    private void SignIn(params string[] roles)
    {
        AddAuthorization().SetAuthorized("pat@shop.example").SetRoles(roles);
        _signedIn = true;
    }

    private IRenderedComponent<OfferMenu> RenderMenu(string[] roles, GenerationMethod method = GenerationMethod.Uploaded,
        IssuedBy issuedBy = IssuedBy.CouponAdmin, long offerId = 7, string name = "Summer 50")
    {
        if (!_signedIn)
        {
            SignIn(roles);
        }

        _popovers = Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        return Render<OfferMenu>(p => p.Add(x => x.OfferId, offerId).Add(x => x.Name, name).Add(x => x.Method, method).Add(x => x.IssuedBy, issuedBy));
    }

    private List<AngleSharp.Dom.IElement> Open(IRenderedComponent<OfferMenu> menu, string name = "Summer 50")
    {
        menu.Find($"button[aria-label='More options for {name}']").Click();
        return [.. _popovers.FindAll(".mud-popover-open .mud-menu-item")];
    }

    private static string Labels(IEnumerable<AngleSharp.Dom.IElement> items) => string.Join("|", items.Select(i => i.TextContent.Trim()));

    private AngleSharp.Dom.IElement Item(string label) =>
        _popovers.FindAll(".mud-popover-open .mud-menu-item").Single(i => i.TextContent.Trim() == label);

    [Theory]
    [InlineData(Roles.Admin, Everything)]
    [InlineData(Roles.Marketer, "Edit|Upload customers|Upload codes|Upload status|Duplicate offer")]
    [InlineData(Roles.Support, "Revoke coupons")]
    [InlineData(Roles.Ops, "Upload customers|Upload codes|Upload status")]
    public void EachRoleIsOfferedOnlyWhatItMayDo(string role, string expected)
    {
        var menu = RenderMenu([role]);

        Assert.Equal(expected, Labels(Open(menu)));
    }

    [Fact]
    public void RolesAddUp()
    {
        var menu = RenderMenu([Roles.Support, Roles.Ops]);

        Assert.Equal("Upload customers|Upload codes|Revoke coupons|Upload status", Labels(Open(menu)));
    }

    [Fact]
    public void AUserWithNoRoleGetsNoMenu()
    {
        var menu = RenderMenu([]);

        Assert.Empty(menu.FindAll("button[aria-label='More options for Summer 50']"));
    }

    [Theory]
    [InlineData(GenerationMethod.Uploaded, IssuedBy.CouponAdmin, "Upload customers|Upload codes|Upload status")]
    [InlineData(GenerationMethod.Uploaded, IssuedBy.ThirdParty, "Upload codes|Upload status")]
    [InlineData(GenerationMethod.AutoUnique, IssuedBy.CouponAdmin, "Upload customers|Upload status")]
    [InlineData(GenerationMethod.Common, IssuedBy.CouponAdmin, "Upload customers|Upload status")]
    [InlineData(GenerationMethod.RandomizedCommon, IssuedBy.CouponAdmin, "Upload status")]
    public void UploadsAreOfferedOnlyForTheSeriesTypesThatTakeThem(GenerationMethod method, IssuedBy issuedBy, string expected)
    {
        var menu = RenderMenu([Roles.Ops], method, issuedBy);

        Assert.Equal(expected, Labels(Open(menu)));
    }

    [Fact]
    public void TheLinksLeadToTheOffersEditorAndUploadPages()
    {
        var menu = RenderMenu([Roles.Admin], offerId: 42);

        var links = Open(menu).Where(i => i.HasAttribute("href")).ToDictionary(i => i.TextContent.Trim(), i => i.GetAttribute("href"));

        Assert.Equal(new Dictionary<string, string?>
        {
            ["Edit"] = "/incentives/42/edit",
            ["Upload customers"] = "/incentives/42/uploads?kind=customers",
            ["Upload codes"] = "/incentives/42/uploads?kind=codes",
            ["Upload status"] = "/incentives/42/uploads",
        }, links);
    }

    [Fact]
    public async Task DuplicatingCreatesADraftCopyAndOpensItInTheEditor()
    {
        SignIn(Roles.Marketer);
        await SeedDemoAsync();
        var originalId = await OfferIdAsync("Welcome 10% off");
        var menu = RenderMenu([Roles.Marketer], GenerationMethod.AutoUnique, offerId: originalId, name: "Welcome 10% off");

        Open(menu, "Welcome 10% off");
        Item("Duplicate offer").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        await WaitForAsync(async () => await CopyIdAsync("Copy of Welcome 10% off") is not null);
        var copyId = await CopyIdAsync("Copy of Welcome 10% off");
        menu.WaitForAssertion(() => Assert.EndsWith($"/incentives/{copyId}/edit", navigation.Uri, StringComparison.Ordinal), LoadTimeout);
        await using var db = Database.CreateDbContext();
        Assert.Equal(OfferStatus.Draft, (await db.Offers.SingleAsync(o => o.Id == copyId)).Status);
        Assert.Contains(await db.AuditEntries.Select(e => e.Actor).ToListAsync(), a => a == "user:pat@shop.example");
    }

    [Fact]
    public async Task RevokingOnlyUnissuedCouponsRevokesThemAndShowsHowMany()
    {
        SignIn(Roles.Support);
        var offer = await UploadedOfferWithCodesAsync("U-ONE", "U-TWO", "U-THREE");
        await AddIssuedCodeAsync(offer.Id, "U-HELD");
        var menu = RenderMenu([Roles.Support], offerId: offer.Id, name: offer.Name);

        Open(menu, offer.Name);
        Item("Revoke coupons").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("#revoke-confirm"), LoadTimeout);
        Assert.Empty(_dialogs.FindAll("#revoke-mode input[type=radio]:checked"));
        Assert.True(_dialogs.Find("#revoke-confirm").HasAttribute("disabled"), "Nothing is chosen yet, so nothing can be revoked.");
        _dialogs.FindAll("#revoke-mode input[type=radio]")[1].Click();

        _dialogs.WaitForAssertion(() => Assert.Equal("This revokes 3 coupons.", _dialogs.Find("#revoke-count").TextContent.Trim()), LoadTimeout);
        Assert.True(_dialogs.Find("#revoke-confirm").HasAttribute("disabled"), "The count alone does not enable the button.");
        _dialogs.Find("#revoke-understood input, input#revoke-understood").Change(true);
        _dialogs.WaitForAssertion(() => Assert.False(_dialogs.Find("#revoke-confirm").HasAttribute("disabled")), LoadTimeout);
        _dialogs.Find("#revoke-confirm").Click();

        _dialogs.WaitForAssertion(() =>
            Assert.Contains("Revoked 3 coupons", _dialogs.Find("#revoke-result").TextContent, StringComparison.Ordinal), LoadTimeout);
        await using var db = Database.CreateDbContext();
        var statuses = await db.Coupons.Where(c => c.OfferId == offer.Id).OrderBy(c => c.Code).Select(c => $"{c.Code}:{c.Status}").ToListAsync();
        Assert.Equal(["U-HELD:Issued", "U-ONE:Revoked", "U-THREE:Revoked", "U-TWO:Revoked"], statuses);
    }

    [Fact]
    public async Task RevokingForSpecificCustomersNamesAnUnknownCustomerAndRevokesNothing()
    {
        SignIn(Roles.Admin);
        var offer = await UploadedOfferWithCodesAsync("V-ONE");
        var menu = RenderMenu([Roles.Admin], offerId: offer.Id, name: offer.Name);

        Open(menu, offer.Name);
        Item("Revoke coupons").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("#revoke-confirm"), LoadTimeout);
        _dialogs.FindAll("#revoke-mode input[type=radio]")[2].Click();
        // The customers' box appears once the choice has rendered, which a busy machine can delay.
        _dialogs.WaitForAssertion(() => _dialogs.Find("textarea#revoke-customers"), LoadTimeout);
        _dialogs.Find("textarea#revoke-customers").Change("+919811111111");
        _dialogs.Find("#revoke-understood input, input#revoke-understood").Change(true);

        _dialogs.WaitForAssertion(() => Assert.Contains("+919811111111", _dialogs.Find("#revoke-error").TextContent, StringComparison.Ordinal), LoadTimeout);
        Assert.True(_dialogs.Find("#revoke-confirm").HasAttribute("disabled"), "An unknown customer leaves nothing to confirm.");
        Assert.Empty(_dialogs.FindAll("#revoke-result"));
        await using var db = Database.CreateDbContext();
        Assert.Equal(CouponStatus.Unissued, (await db.Coupons.SingleAsync(c => c.OfferId == offer.Id)).Status);
    }

    private async Task<Offer> UploadedOfferWithCodesAsync(params string[] codes)
    {
        var created = await Services.GetRequiredService<CreateOffer>().ExecuteAsync(TestOffers.OfSeriesType("Capillary-Uploaded"), "test");
        Assert.True(created.IsSuccess, created.Error?.Message);
        await using var db = Database.CreateDbContext();
        db.Coupons.AddRange(codes.Select(code => new Coupon
        {
            OfferId = created.Value!.Id, Code = code, Status = CouponStatus.Unissued, LastStatusChangeAt = DateTimeOffset.UtcNow,
        }));
        await db.SaveChangesAsync();
        return created.Value!;
    }

    private async Task AddIssuedCodeAsync(long offerId, string code)
    {
        var customer = await Services.GetRequiredService<CustomerDirectory>().RegisterAsync(new RegisterCustomerRequest(Mobile: "+919800000099"));
        Assert.True(customer.IsSuccess, customer.Error?.Message);
        await using var db = Database.CreateDbContext();
        db.Coupons.Add(new Coupon
        {
            OfferId = offerId, Code = code, CustomerId = customer.Value!.UserId, Status = CouponStatus.Issued,
            IssuedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(30), LastStatusChangeAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private async Task<long> OfferIdAsync(string name)
    {
        await using var db = Database.CreateDbContext();
        return await db.Offers.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private async Task<long?> CopyIdAsync(string name)
    {
        await using var db = Database.CreateDbContext();
        return await db.Offers.Where(o => o.Name == name).Select(o => (long?)o.Id).SingleOrDefaultAsync();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + LoadTimeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting.");
            await Task.Delay(50);
        }
    }
}
