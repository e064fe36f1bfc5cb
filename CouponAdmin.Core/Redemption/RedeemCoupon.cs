using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Pos;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// Redeems a coupon (POS call or offline-upload row): the read-only rules of <see cref="RedemptionChecks"/>, then
/// in one transaction the gap and the code, customer and series limits as conditional updates, the redemption
/// row and the audit entry. With an idempotency key, a repeat returns the first answer and redeems nothing more.
/// </summary>
public sealed class RedeemCoupon(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<RedemptionOutcome>> ExecuteAsync(RedeemRequest request, string actor, IdempotencyKey? idempotencyKey = null, CancellationToken ct = default)
    {
        if ((Validate(request) ?? Idempotency.Validate(idempotencyKey)) is { } invalid)
        {
            return invalid;
        }

        idempotencyKey = Idempotency.OrNone(idempotencyKey);

        // Everything that only reads happens before the write lock: nothing here decides a limit.
        if (idempotencyKey is not null)
        {
            await using var first = await dbFactory.CreateDbContextAsync(ct);
            if (await Idempotency.ReplayAsync(first, idempotencyKey, request, ct) is { } replay)
            {
                return replay;
            }
        }

        var prepared = await RedemptionPreparation.PrepareAsync(PosPath.For(dbFactory), request, clock.GetUtcNow(), ct);
        if (!prepared.IsSuccess && idempotencyKey is null)
        {
            return prepared.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One connection for the whole call: each open runs the connection set-up again.
        await db.Database.OpenConnectionAsync(ct);
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A repeat of this key may have been answered while this call waited for the lock.
        if (await Idempotency.ReplayAsync(db, idempotencyKey, request, ct) is { } late)
        {
            return late;
        }

        var outcome = prepared.IsSuccess ? await WriteAsync(db, prepared.Value!, request, actor, ct) : prepared.Error!;
        if (!outcome.IsSuccess)
        {
            // A refusal changes nothing (counters updated before the refusing one roll back), but a keyed refusal is
            // remembered so its repeat answers the same.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (idempotencyKey is not null)
            {
                await using var again = await db.Database.BeginTransactionAsync(ct);
                Idempotency.Remember(db, idempotencyKey, request, outcome, clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
                await again.CommitAsync(ct);
            }

            return outcome;
        }

        Idempotency.Remember(db, idempotencyKey, request, outcome, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return outcome;
    }

    internal static Error? Validate(RedeemRequest r)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(r.Code)) errors.Add(new("code", "Send the coupon code."));
        if (r.BillAmount < 0) errors.Add(new("billAmount", $"The bill amount cannot be negative ({r.BillAmount})."));
        if (string.IsNullOrWhiteSpace(r.TransactionId) || r.TransactionId.Length > CouponRedemption.MaxTransactionIdLength)
        {
            errors.Add(new("transactionId", $"Send the POS transaction id (1 to {CouponRedemption.MaxTransactionIdLength} characters)."));
        }

        return errors.Count > 0 ? Error.Validation(errors) : null;
    }

    /// <summary>Inside the write lock: the limits as conditional updates, then the redemption and its audit entry.</summary>
    private async Task<Result<RedemptionOutcome>> WriteAsync(CouponDbContext db, PreparedRedemption prepared, RedeemRequest request, string actor, CancellationToken ct)
    {
        var c = prepared.Context;
        if ((await PosTransactions.UnusedAsync(db, c, request.TransactionId, ct) ?? await RedemptionCounters.CountAsync(db, c, ct)) is { } refusal)
        {
            return refusal;
        }

        var transactionId = PosTransactions.Normalize(request.TransactionId);
        var id = await db.ScalarAsync<long>("""
            INSERT INTO "Redemptions" ("CouponId", "OfferId", "CustomerId", "Code", "StoreId", "TillId", "BillAmount", "Currency",
                                       "DiscountAmount", "TransactionId", "At", "Active", "ReversedAt")
            VALUES (@coupon, @offer, @customer, @code, @store, @till, @bill, @currency, @discount, @tx, @at, 1, NULL)
            ON CONFLICT DO NOTHING
            RETURNING "Id"
            """, ct, ("@coupon", c.Coupon.Id), ("@offer", c.Offer.Id), ("@customer", c.Customer.UserId), ("@code", c.Code),
            ("@store", c.Place.StoreId), ("@till", c.Place.TillId), ("@bill", request.BillAmount), ("@currency", prepared.Discount.Currency),
            ("@discount", prepared.Discount.Amount), ("@tx", transactionId), ("@at", c.At));
        if (id is null)
        {
            // Another writer (another node) recorded this transaction first: the unique index refused the row.
            return PosTransactions.Duplicate(c.Code, transactionId, null);
        }

        await Reporting.DailyCounts.AddAsync(db, c.Offer.Id, c.At, c.Zone, ct, redeemed: 1);
        var result = new RedemptionOutcome(id.Value, c.Code, c.Offer.Id, c.Customer.UserId, prepared.Discount);
        AuditLog.Record(db, clock.GetUtcNow(), actor, "coupon.redeemed", "Coupon", c.Code, (object?)null, result);
        return result;
    }
}
