using System.Net;
using CouponAdmin.Core.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CouponAdmin.Hosting;

/// <summary>
/// Cookie sign-in for the admin UI on ASP.NET Core Identity. The REST API uses API keys instead (see ApiKeyFilter).
/// </summary>
internal static class SignIn
{
    public const string LoginPath = "/account/login";
    public const string CookieName = "couponadmin.auth";

    /// <summary>Longer return URLs are not ours (our paths are short); they fall back to the home page.</summary>
    private const int MaxReturnUrlLength = 2000;

    public static IServiceCollection AddCouponAdminSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var policy = configuration.GetSection("Accounts").Get<AccountPolicy>() ?? new AccountPolicy();
        services.AddCouponAccounts(policy).AddSignInManager();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.AccessDeniedPath = "/account/denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        // The security stamp is checked on every request (one indexed read), so a disabled user or a changed role
        // is refused at the next request rather than when the cookie expires. Open pages check it on a timer.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<AuthenticationStateProvider, AccountRevalidation>();
        services.AddAuthorization(AddPermissionPolicies);
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>One policy per permission, named after it, requiring one of the roles <see cref="Roles.Table"/> gives it.</summary>
    internal static void AddPermissionPolicies(AuthorizationOptions options)
    {
        foreach (var (permission, roles) in Roles.Table)
        {
            options.AddPolicy(permission.ToString(), p => p.RequireRole(roles));
        }
    }

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        // The form is read and its antiforgery token checked here rather than by parameter binding, which throws on a
        // bad token or a body that is not a form: a stale or forged form gets a plain 400 page, never an error page.
        app.MapPost(LoginPath, async (HttpContext http, IAntiforgery antiforgery, PasswordSignIn passwords, SignInManager<AppUser> signIn) =>
        {
            if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            {
                return StaleForm();
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var back = SafeReturnUrl(form["returnUrl"]);
            var check = await passwords.CheckAsync(form["email"], form["password"]);
            if (check.Outcome != SignInOutcome.SignedIn)
            {
                var reason = check.Outcome switch
                {
                    SignInOutcome.LockedOut => "locked",
                    SignInOutcome.Disabled => "disabled",
                    _ => "failed",
                };
                return Results.Redirect($"{LoginPath}?{reason}=1&returnUrl={Uri.EscapeDataString(back)}");
            }

            await signIn.SignInAsync(check.User!, isPersistent: false);
            return Results.LocalRedirect(back);
        })
        // The login page (a Razor component on the same path) also takes POSTs; this endpoint is the one that answers them.
        .WithOrder(-1).DisableAntiforgery().ExcludeFromDescription();

        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
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
