using System.Net;
using CouponAdmin.Core.Access;
using CouponAdmin.Tests.Support;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CouponAdmin.Tests.Access;

/// <summary>
/// Outside Development (<c>Security:RequireHttps</c>, on by default there) every cookie is <c>Secure</c> and HTTPS
/// answers carry <c>Strict-Transport-Security</c>; the tests' own hosts turn it off to speak plain http.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TransportSecurityTests
{
    private static readonly Uri Https = new("https://couponadmin.example");
    private const string Email = "https.test@example.com";
    private const string Password = "a long enough password";

    [Fact]
    public async Task OutsideDevelopmentTheSignInCookiesAreSecureAndHttpsAnswersCarryHsts()
    {
        // No setting: the "Testing" environment is not Development, so the default applies.
        using var factory = new CouponAdminFactory { RequireHttps = null };
        await factory.Services.EnsureAsync(Email, Password, Roles.Support);
        using var form = await SignInForm.OpenAsync(factory, Https);

        var page = await form.Client.GetAsync(SignInForm.LoginPath);
        var signIn = await form.PostAsync(Email, Password);

        Assert.True(page.Headers.Contains("Strict-Transport-Security"), "The https answer has no Strict-Transport-Security header.");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = SetCookies(signIn).Concat(await AntiforgeryCookiesAsync(factory, Https)).ToList();
        Assert.Contains(cookies, c => c.StartsWith("couponadmin.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void OutsideDevelopmentTheCookieOptionsRequireHttps()
    {
        using var factory = new CouponAdminFactory { RequireHttps = true };

        var auth = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var antiforgery = factory.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;

        Assert.Equal(CookieSecurePolicy.Always, auth.Cookie.SecurePolicy);
        Assert.Equal(CookieSecurePolicy.Always, antiforgery.Cookie.SecurePolicy);
    }

    [Fact]
    public async Task WithHttpsNotRequiredPlainHttpSignInStillWorks()
    {
        using var factory = new CouponAdminFactory();
        await factory.Services.EnsureAsync(Email, Password, Roles.Support);
        using var form = await SignInForm.OpenAsync(factory);

        var signIn = await form.PostAsync(Email, Password);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        Assert.DoesNotContain(SetCookies(signIn), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<List<string>> AntiforgeryCookiesAsync(CouponAdminFactory factory, Uri baseAddress)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = baseAddress, HandleCookies = false });
        using var page = await client.GetAsync(SignInForm.LoginPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return [.. SetCookies(page).Where(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal))];
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
