using System.Net;
using CouponAdmin.Core.Access;
using CouponAdmin.Hosting;
using CouponAdmin.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CouponAdmin.Tests.Access;

/// <summary>
/// A change to an account reaches sessions already signed in: over HTTP at the very next request (the cookie's
/// security stamp is checked every time), and in open pages at the circuit's next check.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SessionRevalidationTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task ASignedInUserWhoseRoleIsRemovedIsRefusedOnTheNextRequest()
    {
        var user = await factory.Services.EnsureAsync("role.change@shop.example", Password, Roles.Support);
        using var form = await SignedInAsync("role.change@shop.example");
        Assert.Equal(HttpStatusCode.OK, (await form.Client.GetAsync("/member-care")).StatusCode);

        var changed = await factory.Services.GetRequiredService<ChangeUserRoles>().ExecuteAsync(user.Id, [Roles.Marketer], "user:admin@demo.local");

        Assert.True(changed.IsSuccess, changed.Error?.Message);
        AssertSentToSignIn(await form.Client.GetAsync("/member-care"));
        AssertSentToSignIn(await form.Client.GetAsync("/incentives"));
    }

    [Fact]
    public async Task SigningInAgainGivesTheNewRoles()
    {
        var user = await factory.Services.EnsureAsync("new.roles@shop.example", Password, Roles.Support);
        await factory.Services.GetRequiredService<ChangeUserRoles>().ExecuteAsync(user.Id, [Roles.Marketer], "user:admin@demo.local");

        using var form = await SignedInAsync("new.roles@shop.example");

        var memberCare = await form.Client.GetAsync("/member-care");
        Assert.Equal(HttpStatusCode.Redirect, memberCare.StatusCode);
        Assert.StartsWith("/account/denied", memberCare.Headers.Location?.PathAndQuery ?? memberCare.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await form.Client.GetAsync("/incentives/new")).StatusCode);
    }

    [Fact]
    public async Task ADisabledUserIsRefusedOnTheNextRequest()
    {
        var user = await factory.Services.EnsureAsync("disabled@shop.example", Password, Roles.Ops);
        using var form = await SignedInAsync("disabled@shop.example");
        Assert.Equal(HttpStatusCode.OK, (await form.Client.GetAsync("/uploads")).StatusCode);

        var disabled = await factory.Services.GetRequiredService<DisableUser>().DisableAsync(user.Id, "user:admin@demo.local");

        Assert.True(disabled.IsSuccess, disabled.Error?.Message);
        AssertSentToSignIn(await form.Client.GetAsync("/uploads"));
        using var again = await SignInForm.OpenAsync(factory);
        var signIn = await again.PostAsync("disabled@shop.example", Password);
        Assert.Equal($"{SignInForm.LoginPath}?disabled=1&returnUrl=%2F", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnOpenPageNoticesADisabledUserOrAChangedRole()
    {
        var user = await factory.Services.EnsureAsync("circuit@shop.example", Password, Roles.Support);
        var principal = await PrincipalAsync(user.Id);
        Assert.True(await IsCurrentAsync(principal));

        await factory.Services.GetRequiredService<ChangeUserRoles>().ExecuteAsync(user.Id, [Roles.Ops], "user:admin@demo.local");
        Assert.False(await IsCurrentAsync(principal));

        var fresh = await PrincipalAsync(user.Id);
        await factory.Services.GetRequiredService<DisableUser>().DisableAsync(user.Id, "user:admin@demo.local");
        Assert.False(await IsCurrentAsync(fresh));
    }

    [Fact]
    public async Task AnotherUsersChangeLeavesASessionAlone()
    {
        await factory.Services.EnsureAsync("bystander@shop.example", Password, Roles.Support);
        var other = await factory.Services.EnsureAsync("other@shop.example", Password, Roles.Support);
        using var form = await SignedInAsync("bystander@shop.example");

        await factory.Services.GetRequiredService<ChangeUserRoles>().ExecuteAsync(other.Id, [Roles.Ops], "user:admin@demo.local");

        Assert.Equal(HttpStatusCode.OK, (await form.Client.GetAsync("/member-care")).StatusCode);
    }

    private async Task<SignInForm> SignedInAsync(string email)
    {
        var form = await SignInForm.OpenAsync(factory);
        var signIn = await form.PostAsync(email, Password);
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect && signIn.Headers.Location?.OriginalString == "/",
            $"Sign-in answered {(int)signIn.StatusCode} {signIn.Headers.Location}.");
        return form;
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(long userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user!);
    }

    private async Task<bool> IsCurrentAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await AccountRevalidation.IsCurrentAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), principal,
            factory.Services.GetRequiredService<IOptions<IdentityOptions>>().Value);
    }
}
