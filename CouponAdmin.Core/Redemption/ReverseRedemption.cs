using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// Reverses a redemption: marks it inactive, gives its counts back at every level and reinstates the coupon
/// when no active redemption is left. A revoked or expired coupon cannot be reversed.
/// </summary>
public sealed class ReverseRedemption(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock, CouponQueries coupons)
{
    public async Task<Result<CouponView>> ExecuteAsync(long redemptionId, string actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var redemption = await db.Redemptions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == redemptionId, ct);
            if (redemption is null)
            {
                return Error.NotFound(ErrorCodes.RedemptionNotFound, $"There is no redemption {redemptionId}.");
            }

            var coupon = await db.Coupons.AsNoTracking().FirstAsync(c => c.Id == redemption.CouponId, ct);
            if (coupon.Status == CouponStatus.Revoked || coupon.IsExpiredAt(now))
            {
                var why = coupon.Status == CouponStatus.Revoked ? "revoked" : "expired";
                return Error.Rule(ErrorCodes.CouponNotReversible, $"Coupon '{coupon.Code}' is {why}; its redemptions cannot be reversed.");
            }

            // The conditional update is what decides: of two racing reversals, one marks it, the other finds it done.
            if (await db.ExecuteAsync(ReversalStatements.For(db.Dialect).MarkReversed,
                    ct, ("@id", redemptionId), ("@now", now)) == 0)
            {
                return Error.Rule(ErrorCodes.AlreadyReversed, $"Redemption {redemptionId} was already reversed.");
            }

            await RedemptionCounters.GiveBackAsync(db, redemption, now, ct);
            await Reporting.DailyCounts.AddAsync(db, redemption.OfferId, now, await Org.OrgTime.ZoneAsync(db, ct), ct, reversed: 1);
            AuditLog.Record(db, now, actor, "coupon.redemptionReversed", "Coupon", coupon.Code, (object?)null, new { redemptionId, redemption.TransactionId });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return await coupons.ByIdAsync(await CouponIdAsync(redemptionId, ct), ct);
    }

    private async Task<long> CouponIdAsync(long redemptionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Redemptions.Where(r => r.Id == redemptionId).Select(r => r.CouponId).FirstAsync(ct);
    }
}
