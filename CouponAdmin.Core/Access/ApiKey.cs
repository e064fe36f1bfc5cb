namespace CouponAdmin.Core.Access;

/// <summary>What an API key may do. A key holds one or more.</summary>
public static class ApiScopes
{
    public const string Admin = "admin";
    public const string Issue = "issue";
    public const string Redeem = "redeem";

    public static IReadOnlyList<string> All { get; } = [Admin, Issue, Redeem];
}

/// <summary>
/// An API key, stored as the SHA-256 of its value; the value itself is shown once, at creation. A fast unsalted hash
/// is enough because every generated key carries 192 random bits (configured bootstrap keys: at least 24 characters).
/// </summary>
public sealed class ApiKey
{
    public const int PublicIdLength = 12;

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>
    /// A random, non-secret name for the key ("key_3f9a2c1b") that people, the audit log and error messages use to
    /// tell keys apart. It has nothing to do with the secret, so showing it gives nothing of the key away.
    /// </summary>
    public string PublicId { get; set; } = "";

    /// <summary>The key made from <c>Api:BootstrapKey</c>: it lives only while the configuration names it.</summary>
    public bool IsBootstrap { get; set; }
    public List<string> Scopes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
