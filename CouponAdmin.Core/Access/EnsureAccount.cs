using CouponAdmin.Core.Common;

namespace CouponAdmin.Core.Access;

/// <summary>An account that configuration (the bootstrap admin, Development's demo users) or a test asks for.</summary>
public sealed record AccountSeed(string Email, string DisplayName, string Password, IReadOnlyCollection<string> Roles);

/// <summary>Makes sure an account exists at start-up, through Identity so its password rule and hasher apply.</summary>
public sealed class EnsureAccount(AccountChanges changes, CreateUser create)
{
    /// <summary>Who start-up's audit entries name.</summary>
    public const string Actor = "configuration";

    /// <summary>Creates the account only when no account has its e-mail; true when it did. An existing one is left as the app changed it.</summary>
    public async Task<Result<bool>> CreateIfMissingAsync(AccountSeed seed, CancellationToken ct = default)
    {
        var exists = await changes.RunAsync<bool>(async change => await change.Users.FindByEmailAsync(seed.Email.Trim()) is not null, ct);
        if (exists.Value)
        {
            return false;
        }

        var created = await create.ExecuteAsync(new CreateUserRequest(seed.Email, seed.DisplayName, seed.Roles, seed.Password), Actor, ct);
        return created.IsSuccess ? true : created.Error;
    }

    /// <summary>
    /// Creates the account, or puts an existing one back as the seed says: its name, password and roles, enabled and
    /// not locked. Development's printed demo sign-ins always work this way.
    /// </summary>
    public async Task<Result<AppUser>> ResetAsync(AccountSeed seed, CancellationToken ct = default)
    {
        var created = await CreateIfMissingAsync(seed, ct);
        if (!created.IsSuccess)
        {
            return created.Error;
        }

        return await changes.RunAsync<AppUser>(async change =>
        {
            var user = (await change.Users.FindByEmailAsync(seed.Email.Trim()))!;
            if (!await change.Users.CheckPasswordAsync(user, seed.Password))
            {
                var removed = await change.Users.RemovePasswordAsync(user);
                var added = removed.Succeeded ? await change.Users.AddPasswordAsync(user, seed.Password) : removed;
                if (!added.Succeeded)
                {
                    return AccountErrors.From(added, seed.Email);
                }
            }

            var before = await change.RolesOfAsync(user);
            var after = CreateUser.CanonicalRoles(seed.Roles);
            if (!before.SequenceEqual(after))
            {
                await change.Users.RemoveFromRolesAsync(user, before.Except(after));
                await change.Users.AddToRolesAsync(user, after.Except(before));
                await change.Users.UpdateSecurityStampAsync(user);
            }

            user.DisplayName = seed.DisplayName;
            user.DisabledAt = null;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            var updated = await change.Users.UpdateAsync(user);
            return updated.Succeeded ? user : AccountErrors.From(updated, seed.Email);
        }, ct);
    }
}
