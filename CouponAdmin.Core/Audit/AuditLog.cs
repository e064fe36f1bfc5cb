using System.Text.Json;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Core.Audit;

/// <summary>Adds an audit entry to the unit of work, so it commits with the change it describes.</summary>
public static class AuditLog
{
    public static void Record<T>(CouponDbContext db, DateTimeOffset at, string actor, string action, string entityType, object entityId, T? before, T? after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Before = before is null ? null : JsonSerializer.Serialize(before, CouponJson.Options),
            After = after is null ? null : JsonSerializer.Serialize(after, CouponJson.Options),
        });
}
