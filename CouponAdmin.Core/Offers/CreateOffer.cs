using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Offers;

/// <summary>Creates a draft offer from validated settings.</summary>
public sealed class CreateOffer(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Offer>> ExecuteAsync(OfferDefinition definition, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = await OfferReferences.ValidateAsync(db, definition, selfId: null, ct);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        definition = Offer.Clone(definition);
        var reserved = await CodeReservation.ReserveAsync(db, 0, null, definition, ct);
        if (!reserved.IsSuccess)
        {
            return reserved.Error!;
        }

        var offer = Offer.Create(definition, clock.GetUtcNow());
        offer.Reserve(reserved.Value);
        db.Offers.Add(offer);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, offer.CreatedAt, actor, "offer.created", nameof(Offer), offer.Id, (OfferDefinition?)null, offer.Definition);
        await db.SaveChangesAsync(ct);
        return offer;
    }
}
