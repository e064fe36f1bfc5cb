using System.Security.Claims;
using CouponAdmin.Core.Access;

namespace CouponAdmin.Components.Shared;

internal static class UserRoles
{
    /// <summary>Whether the user holds a role that <see cref="Roles.Table"/> gives <paramref name="permission"/>.</summary>
    public static bool May(this ClaimsPrincipal? user, Permission permission) =>
        user is not null && Roles.For(permission).Any(user.IsInRole);

    /// <summary>How audit entries name the person at the keyboard.</summary>
    public static string Actor(this ClaimsPrincipal? user) => $"user:{user?.Identity?.Name ?? "unknown"}";

    /// <summary>The name the app bar shows: the account's display name, else its e-mail.</summary>
    public static string? DisplayName(this ClaimsPrincipal? user) =>
        user?.FindFirst(AccountClaims.DisplayNameClaim)?.Value is { Length: > 0 } name ? name : user?.Identity?.Name;
}
