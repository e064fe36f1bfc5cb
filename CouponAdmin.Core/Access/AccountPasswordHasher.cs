using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace CouponAdmin.Core.Access;

/// <summary>
/// Identity's password hasher, which also accepts the hashes of the accounts store that came before Identity
/// (<c>pbkdf2-sha256$iterations$salt$hash</c>). Such a hash verifies as <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>,
/// so the first sign-in after the move stores the password again in Identity's format.
/// </summary>
public sealed class AccountPasswordHasher : IPasswordHasher<AppUser>
{
    internal const string LegacyPrefix = "pbkdf2-sha256$";

    private readonly PasswordHasher<AppUser> _identity = new();

    public string HashPassword(AppUser user, string password) => _identity.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword) =>
        hashedPassword.StartsWith(LegacyPrefix, StringComparison.Ordinal)
            ? (VerifyLegacy(hashedPassword, providedPassword) ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Failed)
            : _identity.VerifyHashedPassword(user, hashedPassword, providedPassword);

    /// <summary>The old format, for tests that need an account as the old store wrote it.</summary>
    internal static string LegacyHash(string password, int iterations = 100_000)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"{LegacyPrefix}{iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    private static bool VerifyLegacy(string stored, string password)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || !int.TryParse(parts[1], out var iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
