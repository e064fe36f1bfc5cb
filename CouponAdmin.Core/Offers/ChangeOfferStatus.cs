using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Offers;

/// <summary>Activates, pauses or ends an offer.</summary>
public sealed class ChangeOfferStatus(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Offer>> ExecuteAsync(long id, OfferStatus to, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var offer = await db.Offers.Include(o => o.OrgEntities).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null)
        {
            return OfferQueries.NotFound(id);
        }

        var before = offer.Status;
        var now = clock.GetUtcNow();
        var error = to switch
        {
            OfferStatus.Active => offer.Activate(now),
            OfferStatus.Paused => offer.Pause(now),
            OfferStatus.Ended => offer.End(now),
            _ => Error.Rule(ErrorCodes.InvalidStatusChange, $"An offer cannot go back to {to.ToString().ToLowerInvariant()}."),
        };
        if (error is not null)
        {
            return error;
        }

        if (before != offer.Status)
        {
            AuditLog.Record(db, now, actor, "offer.status", nameof(Offer), offer.Id, before.ToString(), offer.Status.ToString());
            await db.SaveChangesAsync(ct);
        }

        return offer;
    }
}
