using CouponAdmin.Core.Common;

namespace CouponAdmin.Core.Access;

/// <summary>The roles a user holds after a change.</summary>
public sealed record RolesChanged(long UserId, string Email, IReadOnlyList<string> Roles);

/// <summary>
/// Settings › Users › Roles. The user's security stamp changes with their roles, so their open sessions end at
/// their next request (and open pages within a few seconds) and they sign in again with the new roles.
/// </summary>
public sealed class ChangeUserRoles(AccountChanges changes)
{
    public Task<Result<RolesChanged>> ExecuteAsync(long userId, IReadOnlyCollection<string> roles, string actor, CancellationToken ct = default) =>
        changes.RunAsync<RolesChanged>(async change =>
        {
            if (AccountErrors.CheckRoles(roles) is { } invalid)
            {
                return invalid;
            }

            var found = await change.FindAsync(userId);
            if (found.Value is not { } user)
            {
                return found.Error!;
            }

            var before = await change.RolesOfAsync(user);
            var after = CreateUser.CanonicalRoles(roles);
            if (before.SequenceEqual(after))
            {
                return new RolesChanged(user.Id, user.Email!, after);
            }

            if (before.Contains(Roles.Admin) && !after.Contains(Roles.Admin) && !user.IsDisabled && await change.KeepsAnAdminAsync(user) is { } lastAdmin)
            {
                return lastAdmin;
            }

            var removed = await change.Users.RemoveFromRolesAsync(user, before.Except(after));
            var added = removed.Succeeded ? await change.Users.AddToRolesAsync(user, after.Except(before)) : removed;
            var stamped = added.Succeeded ? await change.Users.UpdateSecurityStampAsync(user) : added;
            if (!stamped.Succeeded)
            {
                return AccountErrors.From(stamped, user.Email!);
            }

            change.Audit(actor, "user.rolesChanged", user, new { Roles = before }, new { Roles = after });
            return new RolesChanged(user.Id, user.Email!, after);
        }, ct);
}
