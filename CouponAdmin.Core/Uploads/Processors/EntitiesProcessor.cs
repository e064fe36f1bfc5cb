using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Org;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Uploads.Processors;

/// <summary>
/// Org <c>entities</c> files: zones, concepts, stores and tills, checked by the same rules as the API (a parent must
/// exist, earlier rows included). A row equal to an entity that already exists is accepted unchanged, so a replayed
/// chunk is harmless; a different entity with the same id is DUPLICATE_ORG_ENTITY.
/// </summary>
internal sealed class EntitiesProcessor : IUploadProcessor
{
    public int ChunkSize => 1_000;

    public bool InChunkTransaction => true;

    public async Task ProcessAsync(UploadRunContext run, UploadChunk chunk, CancellationToken ct)
    {
        var db = run.Db;
        foreach (var row in chunk.Rows)
        {
            var id = row["id"];
            if (row.Problems.Count > 0)
            {
                chunk.Invalid(row, id, string.Join(" ", row.Problems));
                continue;
            }

            if (!OrgEntityTypes.TryParse(row["type"], out var type))
            {
                chunk.Invalid(row, id, $"'{row["type"]}' is not an entity type: use zone, concept, store or till.");
                continue;
            }

            var request = new OrgEntityRequest(type, id!, row["name"]!, row["parentId"], row["conceptId"], row["currency"]?.ToUpperInvariant());
            var errors = await OrgEntityRules.ValidateAsync(db, request, ct);
            if (errors.Count > 0)
            {
                chunk.Fail(row.RowNumber, id, null, Error.Validation(errors) with { Code = ErrorCodes.InvalidRow });
                continue;
            }

            var existing = await db.OrgEntities.AsNoTracking().FirstOrDefaultAsync(e => e.Type == type && e.EntityId == request.Id, ct);
            if (existing is not null)
            {
                if (existing.Name != request.Name || existing.ParentId != request.ParentId || existing.ConceptId != request.ConceptId || existing.Currency != request.Currency)
                {
                    chunk.Fail(row.RowNumber, id, null, ErrorCodes.DuplicateOrgEntity, $"A {type.ToString().ToUpperInvariant()} with id '{request.Id}' already exists with other details.");
                }

                continue;
            }

            db.OrgEntities.Add(new OrgEntity(type, request.Id, request.Name, request.ParentId, request.ConceptId, request.Currency));
            if (!run.DryRun)
            {
                AuditLog.Record(db, run.Clock.GetUtcNow(), run.Actor, "org.entity.added", type.ToString(), request.Id, (OrgEntityRequest?)null, request);
            }

            // Saved at once (inside the chunk's transaction) so the next rows can name it as their parent.
            await db.SaveChangesAsync(ct);
        }
    }
}
