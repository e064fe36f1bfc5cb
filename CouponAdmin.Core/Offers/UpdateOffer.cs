using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Offers;

/// <summary>Replaces an offer's settings, refusing what may no longer change.</summary>
public sealed class UpdateOffer(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Offer>> ExecuteAsync(long id, OfferDefinition definition, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var offer = await db.Offers.Include(o => o.OrgEntities).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null)
        {
            return OfferQueries.NotFound(id);
        }

        var errors = await OfferReferences.ValidateAsync(db, definition, id, ct);
        var before = offer.Definition;
        if (errors.Count == 0)
        {
            errors.AddRange(offer.Update(definition, clock.GetUtcNow()));
        }

        if (errors.Count == 0)
        {
            var reserved = await CodeReservation.ReserveAsync(db, offer.Id, offer.ReservedCode, offer.Definition, ct);
            if (reserved.IsSuccess)
            {
                offer.Reserve(reserved.Value);
                offer.UseCodeSpace(await CodeSpaces.ResolveAsync(db, offer.Definition.Coupon.Generation, ct));
            }
            else
            {
                errors.AddRange(reserved.Error.Fields!);
            }
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        AuditLog.Record(db, offer.UpdatedAt, actor, "offer.updated", nameof(Offer), offer.Id, before, offer.Definition);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return Error.Validation([new FieldError("coupon.generation", "Another offer took this code a moment ago; save again to pick a free one.")]);
        }

        if (!IssuanceChecks.CountsPerCustomer(before) && IssuanceChecks.CountsPerCustomer(offer.Definition))
        {
            // Issuing counted nobody while the offer had no per-customer rule: count what was issued so far.
            await IssuanceCounters.RebuildCustomerCountsAsync(db, offer.Id, ct);
        }

        if (Redemption.RedemptionCounters.StartsCounting(before.Redemption, offer.Definition.Redemption))
        {
            await Redemption.RedemptionCounters.RebuildAsync(db, offer.Id, ct);
        }

        await tx.CommitAsync(ct);
        return offer;
    }
}
