using CouponAdmin.Core.Common;

namespace CouponAdmin.Core.Access;

/// <summary>
/// Settings › Users › Disable / Enable. A disabled account keeps its roles and history but cannot sign in, and its
/// security stamp changes so open sessions end at their next request. The last enabled admin cannot be disabled.
/// </summary>
public sealed class DisableUser(AccountChanges changes)
{
    public Task<Result<bool>> DisableAsync(long userId, string actor, CancellationToken ct = default) =>
        changes.RunAsync<bool>(async change =>
        {
            var found = await change.FindAsync(userId);
            if (found.Value is not { } user)
            {
                return found.Error!;
            }

            if (user.IsDisabled)
            {
                return false;
            }

            if (await change.Users.IsInRoleAsync(user, Roles.Admin) && await change.KeepsAnAdminAsync(user) is { } lastAdmin)
            {
                return lastAdmin;
            }

            user.DisabledAt = change.Now;
            var stamped = await change.Users.UpdateSecurityStampAsync(user);
            if (!stamped.Succeeded)
            {
                return AccountErrors.From(stamped, user.Email!);
            }

            change.Audit(actor, "user.disabled", user, new { Disabled = false }, new { Disabled = true });
            return true;
        }, ct);

    /// <summary>Enables the account again, and lifts a lockout, so the person can sign in at once.</summary>
    public Task<Result<bool>> EnableAsync(long userId, string actor, CancellationToken ct = default) =>
        changes.RunAsync<bool>(async change =>
        {
            var found = await change.FindAsync(userId);
            if (found.Value is not { } user)
            {
                return found.Error!;
            }

            if (!user.IsDisabled)
            {
                return false;
            }

            user.DisabledAt = null;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            var updated = await change.Users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return AccountErrors.From(updated, user.Email!);
            }

            change.Audit(actor, "user.enabled", user, new { Disabled = true }, new { Disabled = false });
            return true;
        }, ct);
}
