using Bunit;
using CouponAdmin.Components.Pages.Settings;
using CouponAdmin.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CouponAdmin.Tests.Components;

/// <summary>Settings › Users: the list, adding a user, and Core's refusals (the last admin) shown on the page.</summary>
public sealed class UsersPanelTests : PageTestContext
{
    private const string Password = "a long enough password";

    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    public UsersPanelTests()
    {
        AddAuthorization().SetAuthorized("root@shop.example").SetRoles(Roles.Admin);
        Services.AddLogging();
        Services.AddCouponAccounts(new AccountPolicy());
    }

    [Fact]
    public async Task TheListShowsEachUsersRolesAndWhetherTheyMaySignIn()
    {
        await UserAsync("root@shop.example", Roles.Admin);
        var pat = await UserAsync("pat@shop.example", Roles.Support, Roles.Ops);
        await Services.GetRequiredService<DisableUser>().DisableAsync(pat, "test");

        var panel = OpenPanel();

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("tr.user-row").Count), LoadTimeout);
        Assert.Equal("Support, Ops", Row(panel, "pat@shop.example").QuerySelector(".user-roles-list")!.TextContent.Trim());
        Assert.StartsWith("Disabled", Row(panel, "pat@shop.example").QuerySelector(".user-status")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Active", Row(panel, "root@shop.example").QuerySelector(".user-status")!.TextContent.Trim());
    }

    [Fact]
    public async Task AUserAddedWithoutAPasswordShowsTheGeneratedOneOnce()
    {
        await UserAsync("root@shop.example", Roles.Admin);
        var panel = OpenPanel();
        panel.WaitForAssertion(() => panel.Find("tr.user-row"), LoadTimeout);

        panel.Find("#add-user").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("input#new-user-email"), LoadTimeout);
        _dialogs.Find("input#new-user-email").Change("new.marketer@shop.example");
        _dialogs.Find("#role-marketer input, input#role-marketer").Change(true);
        _dialogs.Find("#new-user-create").Click();

        panel.WaitForAssertion(() => Assert.Contains("new.marketer@shop.example", panel.Find("#shown-password").TextContent, StringComparison.Ordinal), LoadTimeout);
        var password = panel.Find("#shown-password-value").TextContent;
        Assert.Equal("Marketer", Row(panel, "new.marketer@shop.example").QuerySelector(".user-roles-list")!.TextContent.Trim());
        await using var scope = Services.CreateAsyncScope();
        Assert.Equal(SignInOutcome.SignedIn, (await scope.ServiceProvider.GetRequiredService<PasswordSignIn>().CheckAsync("new.marketer@shop.example", password)).Outcome);
        await using var db = Database.CreateDbContext();
        Assert.Equal("user:root@shop.example", (await db.AuditEntries.SingleAsync(e => e.Action == "user.created" && e.EntityId == "new.marketer@shop.example")).Actor);
    }

    [Fact]
    public async Task AUserWithoutARoleIsRefusedInTheDialog()
    {
        await UserAsync("root@shop.example", Roles.Admin);
        var panel = OpenPanel();
        panel.WaitForAssertion(() => panel.Find("tr.user-row"), LoadTimeout);

        panel.Find("#add-user").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("input#new-user-email"), LoadTimeout);
        _dialogs.Find("input#new-user-email").Change("nobody@shop.example");
        _dialogs.Find("#new-user-create").Click();

        _dialogs.WaitForAssertion(() => Assert.Equal("Choose at least one role.", _dialogs.Find("#new-user-error").TextContent.Trim()), LoadTimeout);
    }

    [Fact]
    public async Task DisablingTheLastAdminShowsWhyItIsRefused()
    {
        await UserAsync("root@shop.example", Roles.Admin);
        var panel = OpenPanel();
        panel.WaitForAssertion(() => panel.Find("tr.user-row"), LoadTimeout);

        Row(panel, "root@shop.example").QuerySelector(".user-disable")!.Click();
        _dialogs.WaitForAssertion(() => _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Disable").Click(), LoadTimeout);

        panel.WaitForAssertion(() => Assert.Contains("root@shop.example is the last enabled admin", panel.Find("#users-error").TextContent, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal("Active", Row(panel, "root@shop.example").QuerySelector(".user-status")!.TextContent.Trim());
    }

    [Fact]
    public async Task TakingTheAdminRoleFromTheLastAdminShowsWhyItIsRefused()
    {
        await UserAsync("root@shop.example", Roles.Admin);
        var panel = OpenPanel();
        panel.WaitForAssertion(() => panel.Find("tr.user-row"), LoadTimeout);

        Row(panel, "root@shop.example").QuerySelector(".user-roles")!.Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("#role-admin input, input#role-admin"), LoadTimeout);
        _dialogs.Find("#role-ops input, input#role-ops").Change(true);
        _dialogs.Find("#role-admin input, input#role-admin").Change(false);
        _dialogs.Find("#user-roles-save").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("is the last enabled admin", _dialogs.Find("#user-roles-error").TextContent, StringComparison.Ordinal), LoadTimeout);
    }

    [Fact]
    public async Task ResettingAPasswordShowsTheNewOneOnce()
    {
        await UserAsync("root@shop.example", Roles.Admin);
        await UserAsync("pat@shop.example", Roles.Support);
        var panel = OpenPanel();
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("tr.user-row").Count), LoadTimeout);

        Row(panel, "pat@shop.example").QuerySelector(".user-reset")!.Click();
        _dialogs.WaitForAssertion(() => _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Reset").Click(), LoadTimeout);

        panel.WaitForAssertion(() => Assert.Contains("pat@shop.example", panel.Find("#shown-password").TextContent, StringComparison.Ordinal), LoadTimeout);
        await using var scope = Services.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<PasswordSignIn>().CheckAsync("pat@shop.example", panel.Find("#shown-password-value").TextContent);
        Assert.Equal(SignInOutcome.SignedIn, check.Outcome);
    }

    private IRenderedComponent<UsersPanel> OpenPanel()
    {
        _dialogs = Render<MudDialogProvider>();
        return RenderPage<UsersPanel>();
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<UsersPanel> panel, string email) =>
        panel.FindAll("tr.user-row").Single(r => r.GetAttribute("data-email") == email);

    private async Task<long> UserAsync(string email, params string[] roles)
    {
        var created = await Services.GetRequiredService<CreateUser>().ExecuteAsync(new CreateUserRequest(email, null, roles, Password), "test");
        Assert.True(created.IsSuccess, created.Error?.Message);
        return created.Value!.Id;
    }
}
