using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Access;

/// <summary>One row of Settings › Users.</summary>
public sealed record UserSummary(long Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? DisabledAt, DateTimeOffset? LockedUntil)
{
    public bool IsAdmin => Roles.Contains(Access.Roles.Admin);
}

/// <summary>The accounts, for Settings › Users. Staff accounts are few, so the whole list comes at once.</summary>
public sealed class UserQueries(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var now = clock.GetUtcNow();
        return [.. users.Select(u => new UserSummary(u.Id, u.Email ?? u.UserName ?? "", u.DisplayName, CreateUser.CanonicalRoles(byUser[u.Id]),
            u.DisabledAt, u.LockoutEnd > now ? u.LockoutEnd : null))];
    }
}
