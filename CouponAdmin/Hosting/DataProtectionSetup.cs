using CouponAdmin.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace CouponAdmin.Hosting;

/// <summary>
/// The keys that protect sign-in cookies, antiforgery tokens and Blazor's circuit state live in the app's database
/// (<c>DataProtectionKeys</c>), under one application name: every web node on that database reads the same key ring, so
/// a cookie issued by one node is accepted by another, and a restart or a new node signs nobody out.
/// </summary>
internal static class DataProtectionSetup
{
    public const string ApplicationName = "CouponAdmin";

    public static IServiceCollection AddCouponAdminDataProtection(this IServiceCollection services)
    {
        // The key repository resolves the context from a scope of its own; the context factory registers the context
        // itself as a scoped service made by that factory, so it gets the configured provider and connection.
        services.AddDataProtection()
            .PersistKeysToDbContext<CouponDbContext>()
            .SetApplicationName(ApplicationName);
        return services;
    }
}
