using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CouponAdmin.Hosting;

/// <summary>
/// <c>Security:RequireHttps</c> (default: on everywhere but Development): every cookie is <c>Secure</c> and HTTPS
/// answers carry <c>Strict-Transport-Security</c>. Off, cookies are Secure only on HTTPS requests, so Development and
/// the tests can sign in over plain http. HTTP is not redirected here: TLS usually ends at a proxy in front.
/// </summary>
internal static class TransportSecurity
{
    public static bool RequireHttps(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Security:RequireHttps") ?? !environment.IsDevelopment();

    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!RequireHttps(configuration, environment))
        {
            return services;
        }

        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme,
            o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        // Any other cookie a component or library appends goes through the cookie policy.
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
        return services;
    }

    /// <summary>First in the pipeline, so every answer (errors included) gets the header and every cookie the policy.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        if (RequireHttps(app.Configuration, app.Environment))
        {
            app.UseHsts();
            app.UseCookiePolicy();
        }

        return app;
    }
}
