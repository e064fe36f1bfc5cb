namespace CouponAdmin.Core.Access;

/// <summary>Something a signed-in person may do. <see cref="Roles.Table"/> says which roles may do it.</summary>
public enum Permission
{
    /// <summary>The dashboard, the offer list and an offer's page.</summary>
    ViewOffers,

    /// <summary>Create, edit, duplicate, activate and pause offers.</summary>
    EditOffers,

    /// <summary>Upload customers and codes to an offer, follow those uploads and download their reports.</summary>
    UploadOfferFiles,

    /// <summary>An offer's "Revoke coupons" (many coupons at once).</summary>
    RevokeOfferCoupons,

    /// <summary>Look customers up and act on their coupons: revoke, transfer, reverse a redemption, resend.</summary>
    MemberCare,

    /// <summary>Org-wide uploads (stores, customers) and their reports.</summary>
    OrgUploads,

    /// <summary>The background jobs dashboard at /jobs.</summary>
    Jobs,

    /// <summary>The messages the product sends, and retrying the failed ones.</summary>
    Outbox,

    /// <summary>Reading and exporting the audit log.</summary>
    Audit,

    /// <summary>Settings: the organisation, API keys and users.</summary>
    Settings,
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Marketer = "Marketer";
    public const string Support = "Support";
    public const string Ops = "Ops";

    public static IReadOnlyList<string> All { get; } = [Admin, Marketer, Support, Ops];

    /// <summary>
    /// Who may do what: the one table that page attributes (as authorization policies named after the permission),
    /// the menu, the actions inside pages, the download endpoints and the jobs dashboard all read.
    /// </summary>
    public static IReadOnlyDictionary<Permission, IReadOnlyList<string>> Table { get; } = new Dictionary<Permission, IReadOnlyList<string>>
    {
        [Permission.ViewOffers] = [Admin, Marketer, Support, Ops],
        [Permission.EditOffers] = [Admin, Marketer],
        [Permission.UploadOfferFiles] = [Admin, Marketer, Ops],
        [Permission.RevokeOfferCoupons] = [Admin, Support],
        [Permission.MemberCare] = [Admin, Support],
        [Permission.OrgUploads] = [Admin, Ops],
        [Permission.Jobs] = [Admin, Ops],
        [Permission.Outbox] = [Admin, Support, Ops],
        [Permission.Audit] = [Admin],
        [Permission.Settings] = [Admin],
    };

    /// <summary>The roles that hold <paramref name="permission"/>.</summary>
    public static IReadOnlyList<string> For(Permission permission) => Table[permission];

    /// <summary>Whether someone with <paramref name="roles"/> may do <paramref name="permission"/>.</summary>
    public static bool Allow(Permission permission, IEnumerable<string> roles) => roles.Any(For(permission).Contains);

    /// <summary>The role spelled as stored, or null when there is no such role (any case accepted).</summary>
    public static string? Named(string? role) => All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
