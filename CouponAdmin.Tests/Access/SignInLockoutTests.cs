using System.Net;
using CouponAdmin.Core.Access;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Access;

/// <summary>
/// Lockout through the sign-in form, with a two-second lockout configured (<c>Accounts:LockoutDuration</c>): the form
/// says the e-mail is locked (for unknown e-mails too), refuses the right password meanwhile, and accepts it after.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SignInLockoutTests(SignInLockoutTests.ShortLockoutFactory factory) : IClassFixture<SignInLockoutTests.ShortLockoutFactory>
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task FiveWrongPasswordsLockTheFormForTheAccountUntilTheLockoutEnds()
    {
        await factory.Services.EnsureAsync("locked@shop.example", Password, Roles.Support);
        using var form = await SignInForm.OpenAsync(factory);
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal($"{SignInForm.LoginPath}?failed=1&returnUrl=%2F", await LocationAsync(form, "locked@shop.example", $"wrong {i}"));
        }

        Assert.Equal($"{SignInForm.LoginPath}?locked=1&returnUrl=%2F", await LocationAsync(form, "locked@shop.example", "wrong 5"));
        Assert.Equal($"{SignInForm.LoginPath}?locked=1&returnUrl=%2F", await LocationAsync(form, "locked@shop.example", Password));

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal("/", await LocationAsync(form, "locked@shop.example", Password));
    }

    [Fact]
    public async Task AnUnknownEmailGetsTheSameLockedAnswer()
    {
        using var form = await SignInForm.OpenAsync(factory);
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal($"{SignInForm.LoginPath}?failed=1&returnUrl=%2F", await LocationAsync(form, "nobody@shop.example", $"guess {i}"));
        }

        Assert.Equal($"{SignInForm.LoginPath}?locked=1&returnUrl=%2F", await LocationAsync(form, "nobody@shop.example", "guess 5"));
    }

    [Fact]
    public async Task TheSignInPageSaysTheEmailIsLockedAndForHowLong()
    {
        using var client = factory.CreateClient();

        var page = await (await client.GetAsync($"{SignInForm.LoginPath}?locked=1")).Content.ReadAsStringAsync();

        Assert.Contains("Too many wrong passwords for this e-mail: signing in with it is locked for up to 2 seconds.", page, StringComparison.Ordinal);
    }

    private static async Task<string?> LocationAsync(SignInForm form, string email, string password)
    {
        using var response = await form.PostAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location?.OriginalString;
    }

    public sealed class ShortLockoutFactory : CouponAdminFactory
    {
        public ShortLockoutFactory() => Settings = new Dictionary<string, string> { ["Accounts:LockoutDuration"] = "00:00:02" };
    }
}
