using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Pos;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// Redeems a coupon (POS call or offline-upload row): the read-only rules of <see cref="RedemptionChecks"/> outside any
/// lock, then the writer records it in a transaction — the POS transaction's uniqueness, the gap and the code, customer
/// and series limits as conditional statements, and the redemption row. With an idempotency key, a repeat returns the
/// first answer and redeems nothing more.
/// </summary>
public sealed class RedeemCoupon(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock, RedemptionOptions? options = null)
{
    public async Task<Result<RedemptionOutcome>> ExecuteAsync(RedeemRequest request, string actor, IdempotencyKey? idempotencyKey = null, CancellationToken ct = default)
    {
        if ((Validate(request) ?? Idempotency.Validate(idempotencyKey)) is { } invalid)
        {
            return invalid;
        }

        idempotencyKey = Idempotency.OrNone(idempotencyKey);
        var pos = PosPath.For(dbFactory);
        if (idempotencyKey is not null)
        {
            using var lease = await pos.RentAsync(ct);
            if (await Idempotency.ReplayAsync(lease.Session, idempotencyKey, request, ct) is { } replay)
            {
                return replay;
            }
        }

        var now = clock.GetUtcNow();
        var prepared = await RedemptionPreparation.PrepareAsync(pos, request, now, ct);
        if (!prepared.IsSuccess && idempotencyKey is null)
        {
            return prepared.Error;
        }

        // Once handed over, the redemption is written whether or not this caller still waits: a POS that gave up retries
        // with its idempotency key and gets this answer.
        return await pos.Writer(options).WriteAsync(new PendingRedemption(prepared, request, actor, idempotencyKey, now, dryRun: false));
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
}
