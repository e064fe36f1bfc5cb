using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// One pending redemption inside a writer's transaction, in a savepoint of its own so that a refusal (or a validation)
/// rolls back only its own statements. The redemption row goes first: the unique index on the POS transaction refuses a
/// repeat before any counter moves; then each limit is a conditional statement whose row count decides. The row names
/// who made it and when, which makes it its own audit record.
/// </summary>
internal static class RedemptionWrite
{
    public static async Task<Result<RedemptionOutcome>> ApplyAsync(SqlSession s, PendingRedemption p, DailyTally daily, CancellationToken ct)
    {
        await Idempotency.LockAsync(s, p.Key, ct);
        // The coupon's row next, by the transaction itself rather than inside the savepoint: writers of one coupon queue
        // here before the redemption row's foreign-key check share-locks the coupon and before its count moves.
        if (p.Prepared.IsSuccess && RedemptionStatements.For(s.Dialect).LockCoupon is { } lockCoupon)
        {
            await s.ExecuteAsync(lockCoupon, ct, ("@id", p.Prepared.Value.Context.Coupon.Id));
        }

        await s.ExecuteAsync("SAVEPOINT redemption", ct);
        // A repeat of this key may have been answered while this call waited for the writer.
        if (await Idempotency.ReplayAsync(s, p.Key, p.Request, ct) is { } replay)
        {
            await s.ExecuteAsync("RELEASE redemption", ct);
            return replay;
        }

        var outcome = p.Prepared.IsSuccess ? await RecordAsync(s, p.Prepared.Value, p, ct) : p.Prepared.Error;
        if (!outcome.IsSuccess || p.DryRun)
        {
            await s.ExecuteAsync("ROLLBACK TO redemption", ct);
        }

        if (p.DryRun && outcome.IsSuccess)
        {
            outcome = outcome.Value with { RedemptionId = null };
        }
        else if (outcome.IsSuccess)
        {
            var c = p.Prepared.Value!.Context;
            daily.Redeemed(c.Offer.Id, c.At, c.Zone);
        }

        // A keyed refusal is remembered too, so its repeat answers the same.
        if (p.Key is not null)
        {
            await Idempotency.RememberAsync(s, p.Key, p.Request, outcome, p.Now, ct);
        }

        await s.ExecuteAsync("RELEASE redemption", ct);
        return outcome;
    }

    /// <summary>Undoes what a pending redemption that failed with an exception wrote, leaving the rest of the batch.</summary>
    public static async Task AbandonAsync(SqlSession s, CancellationToken ct)
    {
        await s.ExecuteAsync("ROLLBACK TO redemption", ct);
        await s.ExecuteAsync("RELEASE redemption", ct);
    }

    private static async Task<Result<RedemptionOutcome>> RecordAsync(SqlSession s, PreparedRedemption prepared, PendingRedemption p, CancellationToken ct)
    {
        var c = prepared.Context;
        var transactionId = PosTransactions.Normalize(p.Request.TransactionId);
        var id = await s.InsertedIdAsync(RedemptionStatements.For(s.Dialect).Insert, ct, ("@coupon", c.Coupon.Id), ("@offer", c.Offer.Id), ("@customer", c.Customer.UserId), ("@code", c.Code),
            ("@store", c.Place.StoreId), ("@till", c.Place.TillId), ("@bill", p.Request.BillAmount), ("@currency", prepared.Discount.Currency),
            ("@discount", prepared.Discount.Amount), ("@tx", transactionId), ("@at", c.At), ("@actor", p.Actor), ("@recorded", p.Now));
        if (id is null)
        {
            return await PosTransactions.DuplicateAsync(s, c, transactionId, ct);
        }

        if (await RedemptionCounters.CountAsync(s, c, ct) is { } refusal)
        {
            return refusal;
        }

        return new RedemptionOutcome(id.Value, c.Code, c.Offer.Id, c.Customer.UserId, prepared.Discount);
    }
}
