using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Offers;

/// <summary>The settings checks that need the database: the pure rules plus references to other offers.</summary>
internal static class OfferReferences
{
    public static async Task<List<FieldError>> ValidateAsync(CouponDbContext db, OfferDefinition definition, long? selfId, CancellationToken ct)
    {
        var errors = OfferValidator.Validate(definition).ToList();
        var wanted = definition.Issual.RestrictPastOfferIds.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return errors;
        }

        var known = await db.Offers.Where(o => wanted.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        foreach (var id in wanted.Where(id => !known.Contains(id) || id == selfId))
        {
            errors.Add(new("issual.restrictPastOfferIds",
                id == selfId ? "An offer cannot restrict itself." : $"There is no offer {id} to restrict by."));
        }

        return errors;
    }
}
