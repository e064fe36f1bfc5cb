using System.Security.Cryptography;

namespace CouponAdmin.Core.Access;

/// <summary>
/// Passwords the app makes (a new user without a chosen password, a reset): 16 random characters in groups of four,
/// from letters and digits that cannot be mistaken for one another when read aloud or copied from the screen.
/// About 91 bits, and well within the password rule.
/// </summary>
public static class GeneratedPassword
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => string.Join('-', Enumerable.Range(0, 4).Select(_ => new string(RandomNumberGenerator.GetItems<char>(Alphabet, 4))));
}
