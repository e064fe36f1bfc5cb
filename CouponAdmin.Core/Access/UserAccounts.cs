using System.Security.Cryptography;
using System.Text;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Access;

/// <summary>Admin-UI accounts with PBKDF2-SHA256 password hashes.</summary>
public sealed class UserAccounts(IDbContextFactory<CouponDbContext> dbFactory)
{
    private const int Iterations = 100_000;

    /// <summary>
    /// Checked against when the e-mail is unknown, so an unknown e-mail costs the same PBKDF2 work as a known one with
    /// a wrong password: the answer's timing does not tell which e-mails have accounts.
    /// </summary>
    private static readonly Lazy<string> UnknownUserHash = new(() => HashPassword(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    public async Task<AppUser?> SignInAsync(string? email, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalized = email.Trim().ToLowerInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == normalized, ct);
        if (user is null)
        {
            Verify(password, UnknownUserHash.Value);
            return null;
        }

        return Verify(password, user.PasswordHash) ? user : null;
    }

    /// <summary>Creates the user, or resets its password and roles when it exists.</summary>
    public async Task EnsureUserAsync(string email, string displayName, string password, IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalized = email.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == normalized, ct);
        if (user is null)
        {
            user = new AppUser { Email = normalized };
            db.Users.Add(user);
        }

        user.DisplayName = displayName;
        user.Roles = [.. roles];
        if (!Verify(password, user.PasswordHash))
        {
            user.PasswordHash = HashPassword(password);
        }

        await db.SaveChangesAsync(ct);
    }

    internal static string HashPassword(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    internal static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], out var iterations))
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
