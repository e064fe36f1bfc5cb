using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Codes;
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

        // The unique index on the reserved code decides when two creations race for one code: the loser
        // looks again and either takes the next free fixed part or is told who owns the common code.
        for (var attempt = 0; ; attempt++)
        {
            await using var attemptDb = await dbFactory.CreateDbContextAsync(ct);
            var copy = Offer.Clone(definition);
            var reserved = await CodeReservation.ReserveAsync(attemptDb, 0, null, copy, ct);
            if (!reserved.IsSuccess)
            {
                return reserved.Error;
            }

            var offer = Offer.Create(copy, clock.GetUtcNow());
            offer.Reserve(reserved.Value);
            offer.UseCodeSpace(await CodeSpaces.ResolveAsync(attemptDb, copy.Coupon.Generation, ct));
            attemptDb.Offers.Add(offer);
            // The offer and its audit entry commit together; the entry needs the offer's id, so the offer is saved first.
            await using var transaction = await attemptDb.Database.BeginTransactionAsync(ct);
            try
            {
                await attemptDb.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (db.Dialect.IsUniqueViolation(e) && attempt < MaxReservationAttempts)
            {
                continue;
            }

            AuditLog.Record(attemptDb, offer.CreatedAt, actor, "offer.created", nameof(Offer), offer.Id, (OfferDefinition?)null, offer.Definition);
            await attemptDb.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return offer;
        }
    }

    internal const int MaxReservationAttempts = 20;
}
