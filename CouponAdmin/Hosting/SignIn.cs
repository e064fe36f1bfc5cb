using System.Security.Claims;
using CouponAdmin.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace CouponAdmin.Hosting;

/// <summary>Cookie sign-in for the admin UI. The REST API uses API keys instead (see ApiKeyFilter).</summary>
internal static class SignIn
{
    public const string LoginPath = "/account/login";

    public static IServiceCollection AddCouponAdminSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = LoginPath;
                o.AccessDeniedPath = "/account/denied";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.Cookie.Name = "couponadmin.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return services;
    }

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost(LoginPath, async ([FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl,
            UserAccounts accounts, HttpContext http) =>
        {
            var user = await accounts.SignInAsync(email, password, http.RequestAborted);
            var back = IsLocal(returnUrl) ? returnUrl! : "/";
            if (user is null)
            {
                return Results.Redirect($"{LoginPath}?failed=1&returnUrl={Uri.EscapeDataString(back)}");
            }

            var claims = new List<Claim>
            {
                new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new(ClaimTypes.Name, user.DisplayName),
                new(ClaimTypes.Email, user.Email),
            };
            claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
            return Results.LocalRedirect(back);
        }).ExcludeFromDescription();

        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(LoginPath);
        }).ExcludeFromDescription();
        return app;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
