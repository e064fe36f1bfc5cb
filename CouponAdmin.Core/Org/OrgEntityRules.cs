using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Org;

/// <summary>The shape of the org tree: a store's parent is a zone, a till's parent is a store.</summary>
internal static class OrgEntityRules
{
    public static async Task<List<FieldError>> ValidateAsync(CouponDbContext db, OrgEntityRequest r, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(r.Type))
        {
            errors.Add(new("type", "Use ZONE, STORE, TILL or CONCEPT."));
            return errors;
        }

        if (string.IsNullOrWhiteSpace(r.Id) || r.Id.Trim().Length > OrgEntity.MaxIdLength)
        {
            errors.Add(new("id", $"An id of 1 to {OrgEntity.MaxIdLength} characters is required, not '{r.Id}'."));
        }

        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > OrgEntity.MaxNameLength)
        {
            errors.Add(new("name", $"Give the entity a name of 1 to {OrgEntity.MaxNameLength} characters."));
        }

        var parentType = r.Type switch
        {
            OrgEntityType.Store => OrgEntityType.Zone,
            OrgEntityType.Till => OrgEntityType.Store,
            _ => (OrgEntityType?)null,
        };
        if (parentType is { } pt)
        {
            var parentId = r.ParentId?.Trim();
            if (string.IsNullOrEmpty(parentId) || !await db.OrgEntities.AnyAsync(e => e.Type == pt && e.EntityId == parentId, ct))
            {
                errors.Add(new("parentId", $"A {r.Type.ToString().ToUpperInvariant()} needs an existing {pt.ToString().ToUpperInvariant()} as its parent; '{r.ParentId}' is not one."));
            }
        }
        else if (!string.IsNullOrWhiteSpace(r.ParentId))
        {
            errors.Add(new("parentId", $"A {r.Type.ToString().ToUpperInvariant()} has no parent."));
        }

        if (!string.IsNullOrWhiteSpace(r.ConceptId))
        {
            var conceptId = r.ConceptId.Trim();
            if (r.Type != OrgEntityType.Store)
            {
                errors.Add(new("conceptId", "Only a STORE belongs to a concept."));
            }
            else if (!await db.OrgEntities.AnyAsync(e => e.Type == OrgEntityType.Concept && e.EntityId == conceptId, ct))
            {
                errors.Add(new("conceptId", $"There is no CONCEPT '{conceptId}'."));
            }
        }

        if (r.Currency is not null && (!OfferValidator.IsCurrencyCode(r.Currency) || r.Type != OrgEntityType.Store))
        {
            errors.Add(new("currency", r.Type != OrgEntityType.Store ? "Only a STORE has a currency." : $"'{r.Currency}' is not a three-letter currency code."));
        }

        return errors;
    }
}
