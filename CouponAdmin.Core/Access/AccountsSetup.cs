using CouponAdmin.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CouponAdmin.Core.Access;

/// <summary>ASP.NET Core Identity over <see cref="CouponDbContext"/>, and the account use cases.</summary>
public static class AccountsSetup
{
    /// <summary>
    /// Registers Identity's user manager and stores (no cookies: the web host adds those) with our policy, and the
    /// account use cases. Returns Identity's builder so the host can add its sign-in manager.
    /// </summary>
    public static IdentityBuilder AddCouponAccounts(this IServiceCollection services, AccountPolicy policy)
    {
        services.AddSingleton(policy);
        // Identity's stores need a scoped context; the use cases open a scope per operation, so it lives that long.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<CouponDbContext>>().CreateDbContext());
        services.AddScoped<IPasswordHasher<AppUser>, AccountPasswordHasher>();
        var identity = services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = AccountPolicy.MinPasswordLength;
                o.Password.RequiredUniqueChars = AccountPolicy.MinDistinctPasswordCharacters;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = policy.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = policy.LockoutDuration;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<CouponDbContext>()
            .AddClaimsPrincipalFactory<AccountClaims>();

        services.AddSingleton<AccountChanges>();
        services.AddSingleton<UnknownEmailLockout>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<EnsureAccount>();
        services.AddSingleton<UserQueries>();
        services.AddSingleton<CreateUser>();
        services.AddSingleton<ChangeUserRoles>();
        services.AddSingleton<DisableUser>();
        services.AddSingleton<ResetUserPassword>();
        return identity;
    }
}
