using CouponAdmin.Core.Access;
using CouponAdmin.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Access;

/// <summary>Settings › Users in Core: adding, changing roles, disabling and resetting, each audited with its actor.</summary>
public sealed class UserAdministrationTests : IAsyncLifetime
{
    private const string Password = "a long enough password";

    private readonly AccountsTestBed _bed = new();

    public async Task InitializeAsync() => await _bed.UserAsync("root@shop.example", Password, Roles.Admin);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task AUserAddedWithoutAPasswordGetsAGeneratedOneThatSignsIn()
    {
        var created = await _bed.Get<CreateUser>().ExecuteAsync(new CreateUserRequest(" Pat@Shop.Example ", "Pat", [Roles.Support]), AccountsTestBed.Actor);

        Assert.True(created.IsSuccess, created.Error?.Message);
        Assert.Equal("pat@shop.example", created.Value!.Email);
        Assert.Matches("^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$", created.Value.GeneratedPassword);
        Assert.Equal(SignInOutcome.SignedIn, await _bed.SignInAsync("pat@shop.example", created.Value.GeneratedPassword!));
        var listed = (await _bed.Get<UserQueries>().ListAsync()).Single(u => u.Email == "pat@shop.example");
        Assert.Equal("Pat", listed.DisplayName);
        Assert.Equal([Roles.Support], listed.Roles);
    }

    [Fact]
    public async Task AChosenPasswordIsNotShownAgain()
    {
        var created = await _bed.Get<CreateUser>().ExecuteAsync(new CreateUserRequest("pat@shop.example", null, [Roles.Ops], "pat's chosen password"), AccountsTestBed.Actor);

        Assert.Null(created.Value!.GeneratedPassword);
        Assert.Equal(SignInOutcome.SignedIn, await _bed.SignInAsync("pat@shop.example", "pat's chosen password"));
    }

    [Theory]
    [InlineData("pat@shop.example", "short", Roles.Ops, ErrorCodes.InvalidPassword, "at least 12 characters")]
    [InlineData("pat@shop.example", "aaaaaaaaaaaaaaaa", Roles.Ops, ErrorCodes.InvalidPassword, "4 different characters")]
    [InlineData("root@shop.example", Password, Roles.Ops, ErrorCodes.DuplicateUser, "An account for root@shop.example already exists")]
    [InlineData("not an e-mail", Password, Roles.Ops, ErrorCodes.InvalidEmail, "'not an e-mail' is not an e-mail address")]
    [InlineData("pat@shop.example", Password, "Owner", ErrorCodes.InvalidRoles, "There is no role 'Owner'")]
    public async Task AnUnusableUserIsRefusedNamingTheValue(string email, string password, string role, string code, string message)
    {
        var created = await _bed.Get<CreateUser>().ExecuteAsync(new CreateUserRequest(email, null, [role], password), AccountsTestBed.Actor);

        Assert.Equal(code, created.Error?.Code);
        Assert.Contains(message, created.Error!.Message, StringComparison.Ordinal);
        Assert.Single(await _bed.Get<UserQueries>().ListAsync());
    }

    [Fact]
    public async Task AUserWithoutRolesIsRefused()
    {
        var created = await _bed.Get<CreateUser>().ExecuteAsync(new CreateUserRequest("pat@shop.example", null, [], Password), AccountsTestBed.Actor);

        Assert.Equal(ErrorCodes.InvalidRoles, created.Error?.Code);
    }

    [Fact]
    public async Task EveryChangeIsAuditedWithTheAdminAndNeverThePassword()
    {
        var id = await _bed.UserAsync("pat@shop.example", "pat's chosen password", Roles.Support);

        await _bed.Get<ChangeUserRoles>().ExecuteAsync(id, [Roles.Support, Roles.Marketer], AccountsTestBed.Actor);
        await _bed.Get<DisableUser>().DisableAsync(id, AccountsTestBed.Actor);
        await _bed.Get<DisableUser>().EnableAsync(id, AccountsTestBed.Actor);
        var reset = await _bed.Get<ResetUserPassword>().ExecuteAsync(id, AccountsTestBed.Actor);

        await using var db = _bed.Database.CreateDbContext();
        var entries = await db.AuditEntries.Where(e => e.EntityType == "User" && e.EntityId == "pat@shop.example").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["user.created", "user.rolesChanged", "user.disabled", "user.enabled", "user.passwordReset"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(AccountsTestBed.Actor, e.Actor));
        Assert.Contains("Marketer", entries[1].After, StringComparison.Ordinal);
        Assert.DoesNotContain("Marketer", entries[1].Before, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.DoesNotContain(reset.Value!, (e.Before ?? "") + e.After, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("pat's chosen password", (e.Before ?? "") + e.After, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AResetPasswordReplacesTheOldOne()
    {
        var id = await _bed.UserAsync("pat@shop.example", "pat's chosen password", Roles.Support);

        var reset = await _bed.Get<ResetUserPassword>().ExecuteAsync(id, AccountsTestBed.Actor);

        Assert.Equal(SignInOutcome.WrongPassword, await _bed.SignInAsync("pat@shop.example", "pat's chosen password"));
        Assert.Equal(SignInOutcome.SignedIn, await _bed.SignInAsync("pat@shop.example", reset.Value!));
    }

    [Fact]
    public async Task ChangingRolesChangesTheSecurityStampSoSessionsEnd()
    {
        var id = await _bed.UserAsync("pat@shop.example", "pat's chosen password", Roles.Support);
        var before = (await _bed.StoredAsync("pat@shop.example")).SecurityStamp;

        await _bed.Get<ChangeUserRoles>().ExecuteAsync(id, [Roles.Marketer], AccountsTestBed.Actor);

        Assert.NotEqual(before, (await _bed.StoredAsync("pat@shop.example")).SecurityStamp);
    }

    [Fact]
    public async Task AnUnknownUserIsNotFound()
    {
        var changed = await _bed.Get<ChangeUserRoles>().ExecuteAsync(999, [Roles.Ops], AccountsTestBed.Actor);

        Assert.Equal((ErrorCodes.UserNotFound, "No user has id 999."), (changed.Error?.Code, changed.Error?.Message));
    }
}
