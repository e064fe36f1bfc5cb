using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// Redeems a coupon (POS call or offline-upload row): the read-only rules of <see cref="RedemptionChecks"/>, then
/// in one transaction the gap and the code, customer and series limits as conditional updates, the redemption
/// row and the audit entry. With an idempotency key, a repeat returns the first answer and redeems nothing more.
/// </summary>
public sealed class RedeemCoupon(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<RedemptionOutcome>> ExecuteAsync(RedeemRequest request, string actor, string? idempotencyKey = null, CancellationToken ct = default)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var replay = await Idempotency.ReplayAsync(db, idempotencyKey, request, ct);
        if (replay is not null)
        {
            return replay.Value;
        }

        var outcome = await RedeemInTransactionAsync(db, request, actor, ct);
        if (!outcome.IsSuccess)
        {
            // Refusals change nothing, but a keyed refusal is remembered so its repeat answers the same.
            await tx.RollbackAsync(ct);
            if (idempotencyKey is not null)
            {
                db.ChangeTracker.Clear();
                await using var again = await db.Database.BeginTransactionAsync(ct);
                try
                {
                    await Idempotency.RememberAsync(db, idempotencyKey, request, outcome, clock.GetUtcNow(), ct);
                    await again.CommitAsync(ct);
                }
                catch (DbUpdateException e) when (UniqueViolation.Is(e))
                {
                    // A concurrent repeat remembered it first; both answers are the same refusal.
                }
            }

            return outcome;
        }

        await Idempotency.RememberAsync(db, idempotencyKey, request, outcome, clock.GetUtcNow(), ct);
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

    private async Task<Result<RedemptionOutcome>> RedeemInTransactionAsync(CouponDbContext db, RedeemRequest request, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var loaded = await RedemptionContext.LoadAsync(db, request, now, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var c = loaded.Value!;
        if (RedemptionChecks.All(c, request.BillAmount) is { } refusal)
        {
            return refusal;
        }

        var org = await db.OrgSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new OrgSettings();
        var currency = c.Place.Currency ?? request.Currency ?? org.BaseCurrency;
        var discount = await DiscountCalculator.CalculateAsync(db, c.Offer.Definition.Discount, request.BillAmount, currency, org.BaseCurrency, ct);
        if (!discount.IsSuccess)
        {
            return discount.Error!;
        }

        if (await RedemptionCounters.CountAsync(db, c, ct) is { } limit)
        {
            return limit;
        }

        var redemption = new CouponRedemption
        {
            CouponId = c.Coupon.Id,
            OfferId = c.Offer.Id,
            CustomerId = c.Customer.UserId,
            Code = c.Code,
            StoreId = c.Place.StoreId,
            TillId = c.Place.TillId,
            BillAmount = request.BillAmount,
            Currency = currency,
            DiscountAmount = discount.Value!.Amount,
            TransactionId = request.TransactionId.Trim(),
            At = c.At,
        };
        db.Redemptions.Add(redemption);
        await db.SaveChangesAsync(ct);
        var result = new RedemptionOutcome(redemption.Id, c.Code, c.Offer.Id, c.Customer.UserId, discount.Value);
        AuditLog.Record(db, now, actor, "coupon.redeemed", "Coupon", c.Code, (object?)null, result);
        await db.SaveChangesAsync(ct);
        return result;
    }
}
