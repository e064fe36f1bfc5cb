using CouponAdmin.Core.Access;
using CouponAdmin.Core.Audit;

namespace CouponAdmin.Api;

/// <summary>The audit page's CSV export, for signed-in admins (cookie): the rows the page's filters select.</summary>
internal static class AuditDownloads
{
    public static WebApplication MapAuditDownloads(this WebApplication app)
    {
        app.MapGet("/downloads/audit.csv", (string? actor, string? action, string? entityType, string? entityId, DateOnly? from, DateOnly? to, AuditQueries audit) =>
                new CsvDownload("audit.csv", CsvDownload.Text((writer, ct) => audit.WriteCsvAsync(new AuditFilter(actor, action, entityType, entityId, from, to), writer, ct))))
            .RequireAuthorization(nameof(Permission.Audit))
            .ExcludeFromDescription();
        return app;
    }
}
