using CouponAdmin.Core.Persistence;
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
            // Saved at once (inside the chunk's transaction) so the next rows can name it as their parent.
            var added = await OrgSetup.AddEntityAsync(db, request, run.Actor, run.Clock.GetUtcNow(), ct);
            if (added.IsSuccess || (added.Error.Code == ErrorCodes.DuplicateOrgEntity && await SameAsExistingAsync(db, request, ct)))
            {
                continue;
            }

            chunk.Fail(row.RowNumber, id, null, added.Error.Kind == ErrorKind.Validation ? added.Error with { Code = ErrorCodes.InvalidRow } : added.Error);
        }
    }

    /// <summary>Whether the entity with the row's type and id has the row's details (a replayed or repeated row).</summary>
    private static async Task<bool> SameAsExistingAsync(CouponDbContext db, OrgEntityRequest r, CancellationToken ct) =>
        await db.OrgEntities.AsNoTracking().AnyAsync(e => e.Type == r.Type && e.EntityId == r.Id && e.Name == r.Name && e.ParentId == r.ParentId
                                                          && e.ConceptId == r.ConceptId && e.Currency == r.Currency, ct);
}
