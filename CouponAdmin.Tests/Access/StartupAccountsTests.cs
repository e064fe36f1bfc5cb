using CouponAdmin.Core.Access;
using CouponAdmin.Hosting;
using CouponAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Access;

/// <summary>
/// Accounts start-up makes: the admin of <c>Bootstrap:AdminEmail</c> / <c>Bootstrap:AdminPassword</c> (created once,
/// never overwritten; a half or weak configuration stops the start), and with demo data one working user per role.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class StartupAccountsTests
{
    private const string BootstrapEmail = "first.admin@shop.example";
    private const string BootstrapPassword = "the first admin's password";

    [Fact]
    public async Task TheConfiguredAdminIsCreatedAtTheFirstStartAndSignsIn()
    {
        using var factory = new CouponAdminFactory { Settings = Bootstrap(BootstrapEmail, BootstrapPassword) };

        Assert.Equal(SignInOutcome.SignedIn, await SignInAsync(factory, BootstrapEmail, BootstrapPassword));
        var admin = (await factory.Services.GetRequiredService<UserQueries>().ListAsync()).Single(u => u.Email == BootstrapEmail);
        Assert.Equal([Roles.Admin], admin.Roles);
    }

    [Fact]
    public async Task AnExistingAdminIsNotPutBackAtTheNextStart()
    {
        string folder;
        using (var first = new CouponAdminFactory { Settings = Bootstrap(BootstrapEmail, BootstrapPassword), KeepDataFolder = true })
        {
            folder = first.DataFolder;
            var id = (await first.Services.GetRequiredService<UserQueries>().ListAsync()).Single().Id;
            await first.Services.GetRequiredService<ChangeUserRoles>().ExecuteAsync(id, [Roles.Admin, Roles.Ops], "user:test");
        }

        using var second = new CouponAdminFactory { DataFolder = folder, Settings = Bootstrap(BootstrapEmail, "another long password") };

        Assert.Equal(SignInOutcome.SignedIn, await SignInAsync(second, BootstrapEmail, BootstrapPassword));
        Assert.Equal([Roles.Admin, Roles.Ops], (await second.Services.GetRequiredService<UserQueries>().ListAsync()).Single().Roles);
    }

    [Theory]
    [InlineData(BootstrapEmail, "", "Bootstrap:AdminPassword is empty")]
    [InlineData(BootstrapEmail, "short", "Passwords must be at least 12 characters")]
    public void AHalfOrWeakBootstrapAdminStopsTheStart(string email, string password, string expected)
    {
        using var factory = new CouponAdminFactory { Settings = Bootstrap(email, password) };

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = string.Join(" | ", Messages(failure));
        Assert.Contains(expected, message, StringComparison.Ordinal);
        if (password.Length > 0)
        {
            Assert.DoesNotContain(password, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DemoDataComesWithOneUserPerRoleWhoSignsIn()
    {
        using var factory = new RoleTableHttpTests.DemoDataFactory();
        factory.CreateClient().Dispose();

        var users = await factory.Services.GetRequiredService<UserQueries>().ListAsync();
        foreach (var demo in AccountSeeding.DemoRoleUsers.Prepend(new DemoSignIn(CouponAdminFactory.AdminEmail, CouponAdminFactory.AdminPassword, Roles.Admin)))
        {
            Assert.Equal(SignInOutcome.SignedIn, await SignInAsync(factory, demo.Email, demo.Password));
            Assert.Equal([demo.Role], users.Single(u => u.Email == demo.Email).Roles);
        }
    }

    private static Dictionary<string, string> Bootstrap(string email, string password) =>
        new() { ["Bootstrap:AdminEmail"] = email, ["Bootstrap:AdminPassword"] = password };

    private static async Task<SignInOutcome> SignInAsync(CouponAdminFactory factory, string email, string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PasswordSignIn>().CheckAsync(email, password)).Outcome;
    }

    private static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e.Message;
        }
    }
}
