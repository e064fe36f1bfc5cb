using CouponAdmin.Core.Access;
using CouponAdmin.Tests.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CouponAdmin.Tests.Persistence;

/// <summary>
/// Migration Identity on a database with accounts of the store that came before: each keeps its id, e-mail, name and
/// roles, signs in with its old password, and that password is then stored in Identity's own format.
/// </summary>
public sealed class IdentityMigrationTests : IAsyncLifetime
{
    private const string Before = "UploadPartlyIssuedRows";

    private readonly AccountsTestBed _bed = new();

    public async Task InitializeAsync()
    {
        await using var db = _bed.Database.CreateDbContext();
        await db.GetService<IMigrator>().MigrateAsync(Before);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task AnOldAccountSignsInWithItsOldPasswordAndKeepsItsRoles()
    {
        var hash = AccountPasswordHasher.LegacyHash("old-store-password");
        await using (var db = _bed.Database.CreateDbContext())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "Users" ("Id", "Email", "DisplayName", "PasswordHash", "Roles")
                VALUES (7, 'ann@shop.example', 'Ann', {hash}, '["Support","Ops"]'), (9, 'bob@shop.example', 'Bob', {hash}, '["Admin","Nobody"]');
                """);
            await db.GetService<IMigrator>().MigrateAsync();
        }

        Assert.Equal(SignInOutcome.SignedIn, await _bed.SignInAsync("ann@shop.example", "old-store-password"));
        Assert.Equal(SignInOutcome.WrongPassword, await _bed.SignInAsync("bob@shop.example", "not the password"));
        var users = await _bed.Get<UserQueries>().ListAsync();
        Assert.Equal([(7L, "ann@shop.example", "Ann", "Support,Ops"), (9L, "bob@shop.example", "Bob", "Admin")],
            users.Select(u => (u.Id, u.Email, u.DisplayName, string.Join(",", u.Roles))));
        var ann = await _bed.StoredAsync("ann@shop.example");
        Assert.StartsWith("AQAAAA", ann.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(hash, (await _bed.StoredAsync("bob@shop.example")).PasswordHash);
        Assert.Equal(SignInOutcome.SignedIn, await _bed.SignInAsync("ann@shop.example", "old-store-password"));
    }

    [Fact]
    public async Task MigratedAccountsCanBeLockedOutAndHaveTheirOwnSecurityStamps()
    {
        var hash = AccountPasswordHasher.LegacyHash("old-store-password");
        await using (var db = _bed.Database.CreateDbContext())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "Users" ("Email", "DisplayName", "PasswordHash", "Roles")
                VALUES ('ann@shop.example', 'Ann', {hash}, '["Support"]'), ('bob@shop.example', 'Bob', {hash}, '[]');
                """);
            await db.GetService<IMigrator>().MigrateAsync();
        }

        var ann = await _bed.StoredAsync("ann@shop.example");
        var bob = await _bed.StoredAsync("bob@shop.example");
        Assert.True(ann.LockoutEnabled);
        Assert.NotEqual(ann.SecurityStamp, bob.SecurityStamp);
        Assert.Matches("^[0-9A-F]{32}$", ann.SecurityStamp);
    }

    [Fact]
    public async Task TheMigrationCanBeReversed()
    {
        await using var db = _bed.Database.CreateDbContext();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync();
        await _bed.UserAsync("ann@shop.example", "a long enough password", Roles.Support, Roles.Ops);

        await migrator.MigrateAsync(Before);

        var row = await db.Database.SqlQueryRaw<string>("""SELECT "Email" || ' ' || "Roles" AS "Value" FROM "Users" """).SingleAsync();
        Assert.Equal("""ann@shop.example ["Support","Ops"]""", row);
    }
}
