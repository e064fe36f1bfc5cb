using CouponAdmin.Core.Common;

namespace CouponAdmin.Core.Access;

/// <summary>
/// Settings › Users › Reset password: a generated password, returned once for the admin to pass on. It also lifts a
/// lockout, and the new security stamp ends the user's open sessions. The audit entry says that it happened, never
/// the password.
/// </summary>
public sealed class ResetUserPassword(AccountChanges changes)
{
    public Task<Result<string>> ExecuteAsync(long userId, string actor, CancellationToken ct = default) =>
        changes.RunAsync<string>(async change =>
        {
            var found = await change.FindAsync(userId);
            if (found.Value is not { } user)
            {
                return found.Error!;
            }

            var password = GeneratedPassword.New();
            var removed = await change.Users.RemovePasswordAsync(user);
            var added = removed.Succeeded ? await change.Users.AddPasswordAsync(user, password) : removed;
            if (!added.Succeeded)
            {
                return AccountErrors.From(added, user.Email!);
            }

            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            var unlocked = await change.Users.UpdateAsync(user);
            if (!unlocked.Succeeded)
            {
                return AccountErrors.From(unlocked, user.Email!);
            }

            change.Audit(actor, "user.passwordReset", user, null, new { PasswordReset = true });
            return password;
        }, ct);
}
