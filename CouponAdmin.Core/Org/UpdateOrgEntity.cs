using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Org;

/// <summary>
/// Edits a zone, store, till or concept by the rules that added it (a store's parent is a zone, a till's a store, only
/// stores have a concept and a currency), audited with its before and after. The type and id identify it and stay.
/// </summary>
public sealed class UpdateOrgEntity(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<OrgEntity>> ExecuteAsync(OrgEntityRequest request, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = request.Id?.Trim() ?? "";
        var entity = await db.OrgEntities.FirstOrDefaultAsync(e => e.Type == request.Type && e.EntityId == id, ct);
        if (entity is null)
        {
            return Error.NotFound(ErrorCodes.NotFound, $"There is no {request.Type.ToString().ToUpperInvariant()} '{id}'.");
        }

        var errors = await OrgEntityRules.ValidateAsync(db, request, ct);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var before = new OrgEntityRequest(entity.Type, entity.EntityId, entity.Name, entity.ParentId, entity.ConceptId, entity.Currency);
        entity.Change(request.Name.Trim(), Blank(request.ParentId), Blank(request.ConceptId), Blank(request.Currency)?.ToUpperInvariant());
        AuditLog.Record(db, clock.GetUtcNow(), actor, "org.entity.updated", entity.Type.ToString(), id, before,
            new OrgEntityRequest(entity.Type, entity.EntityId, entity.Name, entity.ParentId, entity.ConceptId, entity.Currency));
        await db.SaveChangesAsync(ct);
        return entity;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
