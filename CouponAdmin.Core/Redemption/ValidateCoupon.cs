using CouponAdmin.Core.Common;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Pos;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// Answers as <see cref="RedeemCoupon"/> would, changing nothing: every rule, the limits read from their counters,
/// and the discount. (A racing redemption can still take the last use between a validate and a redeem.)
/// </summary>
public sealed class ValidateCoupon(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<RedemptionOutcome>> ExecuteAsync(RedeemRequest request, CancellationToken ct = default)
    {
        if (RedeemCoupon.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var prepared = await RedemptionPreparation.PrepareAsync(PosPath.For(dbFactory), request, clock.GetUtcNow(), ct);
        if (!prepared.IsSuccess)
        {
            return prepared.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One connection for the whole call: each open runs the connection set-up again.
        await db.Database.OpenConnectionAsync(ct);
        var (c, discount) = prepared.Value!;
        // The limits are checked by trying them and rolling back: the same statements, so the same answer.
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var limit = await PosTransactions.UnusedAsync(db, c, request.TransactionId, ct) ?? await RedemptionCounters.CountAsync(db, c, ct);
        await tx.RollbackAsync(ct);
        return limit is null ? new RedemptionOutcome(null, c.Code, c.Offer.Id, c.Customer.UserId, discount) : limit;
    }
}
