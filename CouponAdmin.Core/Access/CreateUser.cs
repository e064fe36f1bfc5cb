using CouponAdmin.Core.Common;

namespace CouponAdmin.Core.Access;

/// <summary>A new account. Without a password the app makes one, shown once.</summary>
public sealed record CreateUserRequest(string Email, string? DisplayName, IReadOnlyCollection<string> Roles, string? Password = null);

/// <summary>The account made; <see cref="GeneratedPassword"/> is set only when the app chose the password.</summary>
public sealed record CreatedUser(long Id, string Email, string? GeneratedPassword);

/// <summary>Settings › Users › Add user: an enabled account with its roles, audited.</summary>
public sealed class CreateUser(AccountChanges changes)
{
    public Task<Result<CreatedUser>> ExecuteAsync(CreateUserRequest request, string actor, CancellationToken ct = default) =>
        changes.RunAsync<CreatedUser>(async change =>
        {
            var email = NormalizeEmail(request.Email);
            var name = string.IsNullOrWhiteSpace(request.DisplayName) ? email : request.DisplayName.Trim();
            if (Check(email, name, request.Roles) is { } invalid)
            {
                return invalid;
            }

            var password = string.IsNullOrEmpty(request.Password) ? Access.GeneratedPassword.New() : request.Password;
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            var created = await change.Users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return AccountErrors.From(created, email);
            }

            var roles = CanonicalRoles(request.Roles);
            var added = await change.Users.AddToRolesAsync(user, roles);
            if (!added.Succeeded)
            {
                return AccountErrors.From(added, email);
            }

            change.Audit(actor, "user.created", user, null, new { user.Email, user.DisplayName, Roles = roles });
            return new CreatedUser(user.Id, email, string.IsNullOrEmpty(request.Password) ? password : null);
        }, ct);

    /// <summary>E-mails are kept trimmed and in lower case, as the accounts store before Identity kept them.</summary>
    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    /// <summary>The roles as stored (known names, each once, in the table's order).</summary>
    public static IReadOnlyList<string> CanonicalRoles(IEnumerable<string> roles)
    {
        var named = roles.Select(Roles.Named).ToHashSet();
        return [.. Roles.All.Where(named.Contains)];
    }

    private static Error? Check(string email, string name, IReadOnlyCollection<string> roles)
    {
        if (email.Length is 0 or > AppUser.EmailMaxLength)
        {
            return new Error(ErrorCodes.InvalidEmail, email.Length == 0 ? "Enter the user's e-mail address." : $"An e-mail address has at most {AppUser.EmailMaxLength} characters.", ErrorKind.Validation);
        }

        return name.Length > AppUser.DisplayNameMaxLength
            ? new Error(ErrorCodes.ValidationFailed, $"A name has at most {AppUser.DisplayNameMaxLength} characters; '{name[..20]}…' has {name.Length}.", ErrorKind.Validation)
            : AccountErrors.CheckRoles(roles);
    }
}
