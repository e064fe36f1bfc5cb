namespace CouponAdmin.Core.Access;

/// <summary>What an API key may do. A key holds one or more.</summary>
public static class ApiScopes
{
    public const string Admin = "admin";
    public const string Issue = "issue";
    public const string Redeem = "redeem";

    public static IReadOnlyList<string> All { get; } = [Admin, Issue, Redeem];
}

/// <summary>An API key, stored as the SHA-256 of its value; the value itself is shown once, at creation.</summary>
public sealed class ApiKey
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";
    /// <summary>The first characters of the key, so people can tell keys apart.</summary>
    public string Prefix { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>A person who signs in to the admin UI.</summary>
public sealed class AppUser
{
    public long Id { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Marketer = "Marketer";
    public const string Support = "Support";
    public const string Ops = "Ops";

    // The groups pages and menus check, as comma lists [Authorize(Roles = ...)] accepts.
    public const string OfferEditors = Admin + "," + Marketer;
    /// <summary>Who may upload files against an offer (the offer's uploads page).</summary>
    public const string OfferUploaders = Admin + "," + Marketer + "," + Ops;
    public const string Revokers = Admin + "," + Support;
    /// <summary>Who sees every SMS and e-mail and may retry failed ones (the Outbox page).</summary>
    public const string OutboxReaders = Admin + "," + Support + "," + Ops;
    public const string Anyone = Admin + "," + Marketer + "," + Support + "," + Ops;
}
