using CouponAdmin.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace CouponAdmin.Core.Access;

/// <summary>The refusals of the account use cases, and Identity's own refusals turned into them.</summary>
public static class AccountErrors
{
    public static Error NotFound(long id) => Error.NotFound(ErrorCodes.UserNotFound, $"No user has id {id}.");

    public static Error LastAdmin(string email) => Error.Rule(ErrorCodes.LastAdmin,
        $"{email} is the last enabled admin. Make another user an admin first, so someone can still manage users and settings.");

    /// <summary>Every user holds at least one known role; a user with none could sign in and see nothing.</summary>
    public static Error? CheckRoles(IReadOnlyCollection<string> roles)
    {
        if (roles.Count == 0)
        {
            return new Error(ErrorCodes.InvalidRoles, "Choose at least one role.", ErrorKind.Validation);
        }

        return roles.FirstOrDefault(r => Roles.Named(r) is null) is { } unknown
            ? new Error(ErrorCodes.InvalidRoles, $"There is no role '{unknown}'; the roles are {string.Join(", ", Roles.All)}.", ErrorKind.Validation)
            : null;
    }

    /// <summary>Identity's refusal (e-mail taken or malformed, password too weak) as our error, naming the value.</summary>
    public static Error From(IdentityResult result, string email)
    {
        var errors = result.Errors.ToList();
        if (errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail"))
        {
            return new Error(ErrorCodes.DuplicateUser, $"An account for {email} already exists.", ErrorKind.Conflict);
        }

        if (errors.Any(e => e.Code is "InvalidEmail" or "InvalidUserName"))
        {
            return new Error(ErrorCodes.InvalidEmail, $"'{email}' is not an e-mail address.", ErrorKind.Validation);
        }

        var passwordErrors = errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).ToList();
        return passwordErrors.Count > 0
            ? new Error(ErrorCodes.InvalidPassword, string.Join(" ", passwordErrors.Select(e => e.Description)), ErrorKind.Validation)
            : new Error(ErrorCodes.ValidationFailed, string.Join(" ", errors.Select(e => e.Description)), ErrorKind.Validation);
    }
}
