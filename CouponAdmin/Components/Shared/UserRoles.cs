using System.Security.Claims;

namespace CouponAdmin.Components.Shared;

internal static class UserRoles
{
    /// <summary>Whether the user has one of the roles of a comma list such as <c>Roles.Revokers</c>.</summary>
    public static bool IsInAnyRole(this ClaimsPrincipal? user, string roles) =>
        user is not null && roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(user.IsInRole);

    /// <summary>How audit entries name the person at the keyboard.</summary>
    public static string Actor(this ClaimsPrincipal? user) => $"user:{user?.Identity?.Name ?? "unknown"}";
}
