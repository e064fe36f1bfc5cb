using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Revocation;

/// <param name="HolderId">The holder, needed for a common code (one coupon per customer); otherwise the coupon in force.</param>
public sealed record RevokeCouponRequest(string Code, long? HolderId = null);

/// <summary>
/// Revokes one coupon — support staff answering a customer, or the API. Only an unredeemed coupon (issued or unissued)
/// can be revoked; the update is conditional, so a redemption that slips in first wins and the revoke is refused.
/// </summary>
public sealed class RevokeCoupon(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock, CouponQueries coupons)
{
    public async Task<Result<CouponView>> ExecuteAsync(RevokeCouponRequest request, string actor, CancellationToken ct = default)
    {
        var code = CodeFormat.Normalize(request.Code ?? "");
        long couponId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var candidates = (await CouponLookup.ByCodeAsync(db, code, ct)).AsNoTracking();
            if (request.HolderId is { } holder)
            {
                candidates = candidates.Where(c => c.CustomerId == holder);
            }

            var coupon = await candidates.OrderByDescending(c => c.TransferSeq).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
            if (coupon is null)
            {
                return Error.NotFound(ErrorCodes.CouponNotFound,
                    request.HolderId is { } id ? $"Customer {id} holds no coupon '{code}'." : $"There is no coupon '{code}'.");
            }

            if (coupon.IsShared && request.HolderId is null)
            {
                return Error.Validation([new FieldError("customer", $"'{code}' is a common code held by many customers; say whose coupon to revoke.")]);
            }

            var now = clock.GetUtcNow();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var revoked = await db.ExecuteAsync(RevocationStatements.For(db.Dialect).One, ct, ("@id", coupon.Id), ("@now", now));
            if (revoked == 0)
            {
                var why = coupon.Status == CouponStatus.Revoked ? "it is already revoked" : "it has been redeemed; redeemed coupons are never revoked";
                return Error.Rule(ErrorCodes.CouponNotRevocable, $"Coupon '{code}' cannot be revoked: {why}.");
            }

            await Reporting.DailyCounts.AddAsync(db, coupon.OfferId, now, await Org.OrgTime.ZoneAsync(db, ct), ct, revoked: 1);
            AuditLog.Record(db, now, actor, "coupon.revoked", nameof(Coupon), code, (object?)new { coupon.CustomerId, coupon.Status },
                new { coupon.CustomerId, Status = CouponStatus.Revoked });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            couponId = coupon.Id;
        }

        return await coupons.ByIdAsync(couponId, ct);
    }
}
