using CouponAdmin.Core.Access;
using CouponAdmin.Core.Common;

namespace CouponAdmin.Tests.Access;

/// <summary>Someone must always be able to manage users and settings: the last enabled admin stays one.</summary>
public sealed class LastAdminTests : IAsyncLifetime
{
    private const string Password = "a long enough password";

    private readonly AccountsTestBed _bed = new();
    private long _root;

    public async Task InitializeAsync() => _root = await _bed.UserAsync("root@shop.example", Password, Roles.Admin, Roles.Ops);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task TheLastAdminCannotLoseTheAdminRole()
    {
        var changed = await _bed.Get<ChangeUserRoles>().ExecuteAsync(_root, [Roles.Ops], AccountsTestBed.Actor);

        Assert.Equal(ErrorCodes.LastAdmin, changed.Error?.Code);
        Assert.Contains("root@shop.example is the last enabled admin", changed.Error!.Message, StringComparison.Ordinal);
        Assert.Equal([Roles.Admin, Roles.Ops], await RolesAsync("root@shop.example"));
    }

    [Fact]
    public async Task TheLastAdminCannotBeDisabled()
    {
        var disabled = await _bed.Get<DisableUser>().DisableAsync(_root, AccountsTestBed.Actor);

        Assert.Equal(ErrorCodes.LastAdmin, disabled.Error?.Code);
        Assert.Null((await _bed.StoredAsync("root@shop.example")).DisabledAt);
    }

    [Fact]
    public async Task WithAnotherEnabledAdminEitherCanStepDown()
    {
        var other = await _bed.UserAsync("second@shop.example", Password, Roles.Admin);

        Assert.True((await _bed.Get<ChangeUserRoles>().ExecuteAsync(_root, [Roles.Ops], AccountsTestBed.Actor)).IsSuccess);
        Assert.Equal(ErrorCodes.LastAdmin, (await _bed.Get<DisableUser>().DisableAsync(other, AccountsTestBed.Actor)).Error?.Code);
    }

    [Fact]
    public async Task ADisabledAdminDoesNotCountAsAnotherAdmin()
    {
        var other = await _bed.UserAsync("second@shop.example", Password, Roles.Admin);
        Assert.True((await _bed.Get<DisableUser>().DisableAsync(other, AccountsTestBed.Actor)).IsSuccess);

        var changed = await _bed.Get<ChangeUserRoles>().ExecuteAsync(_root, [Roles.Marketer], AccountsTestBed.Actor);

        Assert.Equal(ErrorCodes.LastAdmin, changed.Error?.Code);
    }

    [Fact]
    public async Task ADisabledAdminMayLoseTheAdminRole()
    {
        var other = await _bed.UserAsync("second@shop.example", Password, Roles.Admin);
        await _bed.Get<DisableUser>().DisableAsync(other, AccountsTestBed.Actor);

        Assert.True((await _bed.Get<ChangeUserRoles>().ExecuteAsync(other, [Roles.Support], AccountsTestBed.Actor)).IsSuccess);
    }

    private async Task<IReadOnlyList<string>> RolesAsync(string email) =>
        (await _bed.Get<UserQueries>().ListAsync()).Single(u => u.Email == email).Roles;
}
