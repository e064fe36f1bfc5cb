using CouponAdmin.Core.Access;

namespace CouponAdmin.Components.Shared;

/// <summary>Words for roles and permissions on screen; what each role may do still comes from <see cref="Roles.Table"/>.</summary>
internal static class RoleText
{
    public static string Permission(Permission permission) => permission switch
    {
        Core.Access.Permission.ViewOffers => "see offers and the dashboard",
        Core.Access.Permission.EditOffers => "create and edit offers",
        Core.Access.Permission.UploadOfferFiles => "upload files to offers",
        Core.Access.Permission.RevokeOfferCoupons => "revoke an offer's coupons",
        Core.Access.Permission.MemberCare => "member care (revoke, transfer, reverse, resend)",
        Core.Access.Permission.OrgUploads => "org uploads and issue reports",
        Core.Access.Permission.Jobs => "the jobs dashboard",
        Core.Access.Permission.Outbox => "the outbox",
        Core.Access.Permission.Audit => "the audit log",
        Core.Access.Permission.Settings => "settings and users",
        _ => permission.ToString(),
    };

    /// <summary>"Marketer: see offers and the dashboard, create and edit offers, …" from the table.</summary>
    public static string Describe(string role) =>
        string.Join(", ", Roles.Table.Where(p => p.Value.Contains(role)).Select(p => Permission(p.Key)));
}
