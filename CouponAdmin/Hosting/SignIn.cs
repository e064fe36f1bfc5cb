using System.Net;
using System.Security.Claims;
using CouponAdmin.Core.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CouponAdmin.Hosting;

/// <summary>Cookie sign-in for the admin UI. The REST API uses API keys instead (see ApiKeyFilter).</summary>
internal static class SignIn
{
    public const string LoginPath = "/account/login";

    /// <summary>Longer return URLs are not ours (our paths are short); they fall back to the home page.</summary>
    private const int MaxReturnUrlLength = 2000;

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
        // The form is read and its antiforgery token checked here rather than by parameter binding, which throws on a
        // bad token or a body that is not a form: a stale or forged form gets a plain 400 page, never an error page.
        app.MapPost(LoginPath, async (HttpContext http, IAntiforgery antiforgery, UserAccounts accounts) =>
        {
            if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            {
                return StaleForm();
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var back = SafeReturnUrl(form["returnUrl"]);
            var user = await accounts.SignInAsync(form["email"], form["password"], http.RequestAborted);
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
        })
        // The login page (a Razor component on the same path) also takes POSTs; this endpoint is the one that answers them.
        .WithOrder(-1).DisableAntiforgery().ExcludeFromDescription();

        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(LoginPath);
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The return URL when the framework's own rule (the one <c>LocalRedirect</c> enforces) calls it local — a path with
    /// no host, no <c>//</c> or <c>/\</c> start and no control characters — else the home page. Checking with a rule of
    /// our own let <c>/\t/evil</c> through to <c>LocalRedirect</c>, which then threw.
    /// </summary>
    internal static string SafeReturnUrl(string? url) =>
        url is { Length: > 0 and <= MaxReturnUrlLength } && RedirectHttpResult.IsLocalUrl(url) ? url : "/";

    private static IResult StaleForm() => Results.Content($"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Sign in · CouponAdmin</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto">
        <h1>Please sign in again</h1>
        <p>The sign-in form had expired or did not come from this site, so nothing was sent.
        <a href="{WebUtility.HtmlEncode(LoginPath)}">Open the sign-in page</a> and try again.</p>
        </body></html>
        """, "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
