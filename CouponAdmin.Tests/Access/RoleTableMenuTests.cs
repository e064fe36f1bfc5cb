using Bunit;
using CouponAdmin.Components.Layout;
using CouponAdmin.Components.Pages.Incentives;
using CouponAdmin.Core.Access;
using CouponAdmin.Core.Offers;
using CouponAdmin.Hosting;
using CouponAdmin.Tests.Components;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CouponAdmin.Tests.Access;

/// <summary>
/// Walks <see cref="Roles.Table"/> for every role in the screens: each menu entry, and each action inside a page, is
/// there exactly when the table gives the role its permission. Authorization is the app's own (its policies, the
/// real authorization service), only the signed-in user is bunit's.
/// </summary>
public sealed class RoleTableMenuTests : PageTestContext
{
    /// <summary>The menu entry that opens each permission's page; permissions without one are actions inside pages.</summary>
    private static readonly Dictionary<Permission, string> MenuEntries = new()
    {
        [Permission.ViewOffers] = "/incentives",
        [Permission.MemberCare] = "/member-care",
        [Permission.OrgUploads] = "/uploads",
        [Permission.Outbox] = "/outbox",
        [Permission.Jobs] = "/jobs",
        [Permission.Audit] = "/audit",
        [Permission.Settings] = "/settings",
    };

    /// <summary>The offer's "More options" item each offer permission shows.</summary>
    private static readonly Dictionary<Permission, string> OfferMenuItems = new()
    {
        [Permission.EditOffers] = "Edit",
        [Permission.UploadOfferFiles] = "Upload status",
        [Permission.RevokeOfferCoupons] = "Revoke coupons",
    };

    public static TheoryData<string> EveryRole => [.. Roles.All];

    [Fact]
    public void EveryPermissionHasRolesAndEachIsShownSomewhere()
    {
        Assert.Equal(Enum.GetValues<Permission>().Order(), Roles.Table.Keys.Order());
        Assert.All(Roles.Table, p => Assert.NotEmpty(p.Value));
        Assert.All(Roles.Table, p => Assert.Contains(Roles.Admin, p.Value));
        Assert.All(Roles.Table.Keys, p => Assert.True(MenuEntries.ContainsKey(p) || OfferMenuItems.ContainsKey(p), $"{p} is neither a menu entry nor an offer action."));
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void TheMenuShowsARoleExactlyTheEntriesTheTableGivesIt(string role)
    {
        SignInAs(role);

        var menu = Render<NavMenu>();

        var shown = menu.FindAll("#nav-menu a").Select(a => a.GetAttribute("href")).ToHashSet();
        foreach (var (permission, href) in MenuEntries)
        {
            Assert.True(shown.Contains(href) == Roles.Allow(permission, [role]), $"{role}: menu entry {href} for {permission}.");
        }
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void TheOfferMenuShowsARoleExactlyTheActionsTheTableGivesIt(string role)
    {
        SignInAs(role);
        var popovers = Render<MudPopoverProvider>();
        Render<MudDialogProvider>();

        var menu = Render<OfferMenu>(p => p.Add(x => x.OfferId, 7).Add(x => x.Name, "Summer 50").Add(x => x.Method, GenerationMethod.Uploaded));

        var buttons = menu.FindAll("button[aria-label='More options for Summer 50']");
        if (buttons.Count > 0)
        {
            buttons[0].Click();
        }

        var items = popovers.FindAll(".mud-popover-open .mud-menu-item").Select(i => i.TextContent.Trim()).ToHashSet();
        foreach (var (permission, label) in OfferMenuItems)
        {
            Assert.True(items.Contains(label) == Roles.Allow(permission, [role]), $"{role}: offer action {label} for {permission}.");
        }
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void TheNewOfferButtonIsShownOnlyToOfferEditors(string role)
    {
        SignInAs(role);

        var page = RenderPage<Incentives>();

        page.WaitForAssertion(() => Assert.Equal(Roles.Allow(Permission.EditOffers, [role]), page.FindAll("#new-offer").Count == 1), LoadTimeout);
    }

    private void SignInAs(string role)
    {
        AddAuthorization().SetAuthorized($"{role.ToLowerInvariant()}@shop.example").SetRoles(role);
        // The app's policies and authorization service in place of bunit's stand-ins, which know no policies.
        Services.AddAuthorizationCore(SignIn.AddPermissionPolicies);
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
    }
}
