using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Core.Access;

/// <summary>
/// Runs one change to accounts: a DI scope of its own (Identity's user manager over a fresh context, never one a
/// Blazor circuit keeps), one transaction, and the audit entry committed with the change or not at all.
/// </summary>
public sealed class AccountChanges(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<Result<T>> RunAsync<T>(Func<AccountChange, Task<Result<T>>> change, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CouponDbContext>();
        // SQLite transactions here take the write lock at BEGIN, so two admins' changes cannot both pass the
        // last-admin rule on the same snapshot.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await change(new AccountChange(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), db, clock.GetUtcNow()));
        if (result.IsSuccess)
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return result;
    }
}

/// <summary>What a change works with: Identity's user manager and the same context, for the audit entry and rules.</summary>
public sealed record AccountChange(UserManager<AppUser> Users, CouponDbContext Db, DateTimeOffset Now)
{
    public const string EntityType = "User";

    public async Task<Result<AppUser>> FindAsync(long userId) =>
        await Users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } user
            ? user
            : AccountErrors.NotFound(userId);

    public async Task<IReadOnlyList<string>> RolesOfAsync(AppUser user) => [.. (await Users.GetRolesAsync(user)).Order(StringComparer.Ordinal)];

    /// <summary>Records the change; never a password or hash, only what a reader of the log needs.</summary>
    public void Audit(string actor, string action, AppUser user, object? before, object? after) =>
        AuditLog.Record(Db, Now, actor, action, EntityType, user.Email ?? user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before, after);

    /// <summary>
    /// The last-admin rule: <paramref name="user"/> may stop being an enabled admin only while another enabled admin
    /// exists, so someone can always manage users and settings.
    /// </summary>
    public async Task<Error?> KeepsAnAdminAsync(AppUser user)
    {
        var adminRole = Users.NormalizeName(Roles.Admin);
        var otherAdmins = await Db.UserRoles
            .Where(ur => ur.UserId != user.Id && Db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == adminRole))
            .Join(Db.Users.Where(u => u.DisabledAt == null), ur => ur.UserId, u => u.Id, (ur, u) => u.Id)
            .AnyAsync();
        return otherAdmins ? null : AccountErrors.LastAdmin(user.Email ?? user.UserName ?? "This user");
    }
}
