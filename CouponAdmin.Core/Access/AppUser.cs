using Microsoft.AspNetCore.Identity;

namespace CouponAdmin.Core.Access;

/// <summary>
/// A person who signs in to the admin UI: an ASP.NET Core Identity account whose user name is its e-mail, so the
/// audit log's "user:&lt;name&gt;" names people by e-mail.
/// </summary>
public sealed class AppUser : IdentityUser<long>
{
    public const int EmailMaxLength = 254;
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = "";

    /// <summary>When an admin disabled the account; null while it may sign in.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public bool IsDisabled => DisabledAt is not null;
}
