using Microsoft.AspNetCore.Identity;

namespace CouponAdmin.Core.Access;

/// <summary>One of the four roles in <see cref="Roles"/>, stored in Identity's roles table.</summary>
public sealed class AppRole : IdentityRole<long>
{
}
