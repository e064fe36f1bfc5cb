using System.Security.Claims;
using CouponAdmin.Core.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CouponAdmin.Hosting;

/// <summary>
/// An open page (a Blazor Server circuit) makes no HTTP requests, so the cookie's per-request check never sees it.
/// This checks the circuit's user every few seconds (<c>Accounts:CircuitRevalidation</c>): a user who was disabled,
/// whose roles changed or whose password was reset (each changes the security stamp) is signed out of the page,
/// which then sends them to the sign-in form.
/// </summary>
internal sealed class AccountRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, AccountPolicy policy,
    IOptions<IdentityOptions> identity) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => policy.CircuitRevalidation;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A scope of its own, so the user is read fresh rather than from a context the circuit holds.
        await using var scope = scopes.CreateAsyncScope();
        return await IsCurrentAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), authenticationState.User, identity.Value);
    }

    /// <summary>Whether the principal's account still exists, is enabled and has the stamp the principal carries.</summary>
    internal static async Task<bool> IsCurrentAsync(UserManager<AppUser> users, ClaimsPrincipal principal, IdentityOptions options)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }

        return principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
