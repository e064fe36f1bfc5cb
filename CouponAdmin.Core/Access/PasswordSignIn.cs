using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace CouponAdmin.Core.Access;

public enum SignInOutcome
{
    SignedIn,
    WrongPassword,
    LockedOut,
    Disabled,
}

/// <summary>What a sign-in attempt came to; <see cref="User"/> only when <see cref="SignInOutcome.SignedIn"/>.</summary>
public sealed record SignInCheck(SignInOutcome Outcome, AppUser? User = null);

/// <summary>
/// Checks an e-mail and password with Identity (its hasher, lockout counting and the rehash of old hashes). Every
/// answer costs one password hash, whether the e-mail is unknown, locked or known: the time taken tells nothing.
/// "Locked" is said of unknown e-mails too (<see cref="UnknownEmailLockout"/>), and "disabled" only to someone who
/// gave the account's right password.
/// </summary>
public sealed class PasswordSignIn(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, UnknownEmailLockout unknownEmails)
{
    private static readonly AppUser Nobody = new();

    /// <summary>Checked when no real hash is, so an unknown or locked e-mail costs what a wrong password does.</summary>
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    public async Task<SignInCheck> CheckAsync(string? email, string? password)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return new SignInCheck(SignInOutcome.WrongPassword);
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            HashWithoutAccount(password);
            return new SignInCheck(unknownEmails.IsLockedOut(email) || unknownEmails.Fail(email) ? SignInOutcome.LockedOut : SignInOutcome.WrongPassword);
        }

        if (await users.IsLockedOutAsync(user))
        {
            HashWithoutAccount(password);
            return new SignInCheck(SignInOutcome.LockedOut);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return new SignInCheck(await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.WrongPassword);
        }

        if (user.IsDisabled)
        {
            return new SignInCheck(SignInOutcome.Disabled);
        }

        await users.ResetAccessFailedCountAsync(user);
        return new SignInCheck(SignInOutcome.SignedIn, user);
    }

    private void HashWithoutAccount(string password) => hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);
}
