using CouponAdmin.Core.Uploads;
using MudBlazor;

namespace CouponAdmin.Components.Shared;

/// <summary>How uploads read on screen: kind names in the seed's words, status colours.</summary>
internal static class UploadText
{
    public static string KindLabel(UploadKind kind) => kind switch
    {
        UploadKind.Customers => "Upload customers (issue coupons)",
        UploadKind.Codes => "Upload existing coupon codes",
        UploadKind.Audience => "Specific customers list",
        UploadKind.RevokeCustomers => "Revoke coupons of customers",
        UploadKind.Redemptions => "Offline redemptions",
        UploadKind.Entities => "Zones, concepts, stores and tills",
        _ => "Create or update customers",
    };

    public static string StatusLabel(UploadStatus status) => status switch
    {
        UploadStatus.CompletedWithIssues => "Completed with issues",
        _ => status.ToString(),
    };

    public static Color StatusColor(UploadStatus status) => status switch
    {
        UploadStatus.Completed => Color.Success,
        UploadStatus.CompletedWithIssues => Color.Warning,
        UploadStatus.Failed => Color.Error,
        UploadStatus.Processing => Color.Info,
        _ => Color.Default,
    };

    public static double Percent(Upload upload) =>
        upload.TotalRows == 0 ? 0 : Math.Round(100.0 * upload.ProcessedRows / upload.TotalRows, 1);
}
