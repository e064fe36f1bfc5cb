using CouponAdmin.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Access;

/// <summary>
/// Lockout on Identity: five wrong passwords lock an account for the configured time, during which even the right
/// password is refused; unknown e-mails are "locked" the same way; a disabled account is refused.
/// </summary>
public sealed class IdentityLockoutTests : IAsyncLifetime
{
    private const string Email = "ann@shop.example";
    private const string Password = "ann's long password";

    private readonly AccountsTestBed _bed = new(new AccountPolicy { MaxFailedSignIns = 5, LockoutDuration = TimeSpan.FromMinutes(15) });

    public async Task InitializeAsync() => await _bed.UserAsync(Email, Password, Roles.Marketer);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountAndTheRightPasswordIsThenRefused()
    {
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(SignInOutcome.WrongPassword, await _bed.SignInAsync(Email, $"wrong {i}"));
        }

        Assert.Equal(SignInOutcome.LockedOut, await _bed.SignInAsync(Email, "wrong 5"));
        Assert.Equal(SignInOutcome.LockedOut, await _bed.SignInAsync(Email, Password));
        var stored = await _bed.StoredAsync(Email);
        Assert.InRange(stored.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task TheRightPasswordWorksAgainOnceTheLockoutHasEnded()
    {
        for (var i = 1; i <= 5; i++)
        {
            await _bed.SignInAsync(Email, $"wrong {i}");
        }

        await EndLockoutAsync();

        Assert.Equal(SignInOutcome.SignedIn, await _bed.SignInAsync(Email, Password));
    }

    [Fact]
    public async Task ARightPasswordStartsTheCountAgain()
    {
        for (var i = 1; i <= 4; i++)
        {
            await _bed.SignInAsync(Email, $"wrong {i}");
        }

        Assert.Equal(SignInOutcome.SignedIn, await _bed.SignInAsync(Email, Password));
        Assert.Equal(SignInOutcome.WrongPassword, await _bed.SignInAsync(Email, "wrong again"));
        Assert.Equal(1, (await _bed.StoredAsync(Email)).AccessFailedCount);
    }

    [Fact]
    public async Task AnUnknownEmailIsSaidToBeLockedAfterAsManyWrongPasswordsAndForAsLong()
    {
        const string nobody = "nobody@shop.example";
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(SignInOutcome.WrongPassword, await _bed.SignInAsync(nobody, $"guess {i}"));
        }

        Assert.Equal(SignInOutcome.LockedOut, await _bed.SignInAsync(nobody, "guess 5"));
        _bed.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(SignInOutcome.LockedOut, await _bed.SignInAsync(nobody, "guess 6"));
        _bed.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(SignInOutcome.WrongPassword, await _bed.SignInAsync(nobody, "guess 7"));
    }

    [Fact]
    public async Task ADisabledAccountIsRefusedAndSaysSoOnlyToTheRightPassword()
    {
        var id = (await _bed.StoredAsync(Email)).Id;
        await _bed.UserAsync("root@shop.example", "root's long password", Roles.Admin);
        Assert.True((await _bed.Get<DisableUser>().DisableAsync(id, AccountsTestBed.Actor)).IsSuccess);

        Assert.Equal(SignInOutcome.WrongPassword, await _bed.SignInAsync(Email, "wrong"));
        Assert.Equal(SignInOutcome.Disabled, await _bed.SignInAsync(Email, Password));
    }

    [Fact]
    public async Task ResettingThePasswordLiftsTheLockout()
    {
        for (var i = 1; i <= 5; i++)
        {
            await _bed.SignInAsync(Email, $"wrong {i}");
        }

        var reset = await _bed.Get<ResetUserPassword>().ExecuteAsync((await _bed.StoredAsync(Email)).Id, AccountsTestBed.Actor);

        Assert.Equal(SignInOutcome.SignedIn, await _bed.SignInAsync(Email, reset.Value!));
        Assert.Equal(SignInOutcome.WrongPassword, await _bed.SignInAsync("ann@shop.example", Password));
    }

    /// <summary>Identity compares lockouts with the real clock; moving the stored end into the past is the time passing.</summary>
    private async Task EndLockoutAsync()
    {
        await using var db = _bed.Database.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == Email.ToUpperInvariant());
        user.LockoutEnd = DateTimeOffset.UtcNow.AddSeconds(-1);
        await db.SaveChangesAsync();
    }
}
