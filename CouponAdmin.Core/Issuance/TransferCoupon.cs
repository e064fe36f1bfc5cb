using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Issuance;

/// <param name="FromCustomerId">When set, the coupon in force must still be this customer's (a screen showing their coupon).</param>
public sealed record TransferCouponRequest(string Code, IdentifierType ToType, string ToValue, long? FromCustomerId = null);

/// <summary>
/// Gives a coupon's code to another customer: revokes the holder's coupon (it keeps its history) and issues the same code
/// to the new holder as the code's next coupon, with a fresh expiry and the offer's issuing rules for that customer — in
/// one transaction. Redeemed coupons cannot move; a revoked one can (the seed's "revoke, then assign the code again").
/// The API, Member care and (through <c>codes</c> uploads of a revoked code) ops share this rule.
/// </summary>
public sealed class TransferCoupon(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock, CouponQueries coupons)
{
    public async Task<Result<CouponView>> ExecuteAsync(TransferCouponRequest request, string actor, CancellationToken ct = default)
    {
        var code = CodeFormat.Normalize(request.Code ?? "");
        long newCouponId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var target = await CustomerDirectory.ResolveIdAsync(db, request.ToType, request.ToValue, ErrorKind.Rule, ct);
            if (!target.IsSuccess)
            {
                return target.Error;
            }

            var now = clock.GetUtcNow();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var current = await (await CouponLookup.ByCodeAsync(db, code, ct)).AsNoTracking()
                .OrderByDescending(c => c.TransferSeq).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
            if (current is null)
            {
                return Error.NotFound(ErrorCodes.CouponNotFound, $"There is no coupon '{code}'.");
            }

            var offer = await db.Offers.AsNoTracking().FirstAsync(o => o.Id == current.OfferId, ct);
            if (request.FromCustomerId is { } from && current.CustomerId != from)
            {
                return NotTransferableError(code, $"it was given to customer {current.CustomerId} since; transfer it from their page");
            }

            if ((NotTransferable(current, target.Value, now) ?? IssuanceChecks.OfferIssuable(offer, now)) is { } refusal)
            {
                return refusal;
            }

            // The new holder goes through the same decider as any issual, for a coupon that moves rather than a new one.
            var ledger = await IssualLedger.LoadAsync(db, offer, [target.Value], long.MaxValue, now, ct);
            if (ledger.TryIssue(target.Value, newCoupon: false) is { Decision: not IssualDecision.Issue, Refusal: { } ruled })
            {
                return ruled;
            }

            await IssualLedgerWriter.WriteCustomerCountsAsync(db, offer, ledger, ct);

            // Conditional: a redemption that slipped in first keeps the coupon where it is.
            if (current.Status == CouponStatus.Issued && await db.ExecuteAsync(CouponStatements.For(db.Dialect).RevokeForTransfer, ct, ("@id", current.Id), ("@now", now)) == 0)
            {
                return NotTransferableError(code, "it was redeemed a moment ago");
            }

            var zone = await OrgTime.ZoneAsync(db, ct);
            var expiresAt = ExpiryCalculator.ExpiresAt(now, offer.Definition.Coupon.Expiry, offer.ValidUntil, zone);
            await Reporting.DailyCounts.AddAsync(db, offer.Id, now, zone, ct, issued: 1, revoked: current.Status == CouponStatus.Issued ? 1 : 0);
            var next = new Coupon
            {
                OfferId = current.OfferId,
                Code = current.Code,
                CodeSpaceId = current.CodeSpaceId,
                CodeIndex = current.CodeIndex,
                CustomerId = target.Value,
                Status = CouponStatus.Issued,
                IssuedAt = now,
                ExpiresAt = expiresAt,
                LastStatusChangeAt = now,
                TransferSeq = current.TransferSeq + 1,
            };
            db.Coupons.Add(next);
            if (current.Status == CouponStatus.Issued)
            {
                AuditLog.Record(db, now, actor, "coupon.revoked", nameof(Coupon), code, (object?)new { current.CustomerId, Status = current.Status }, new { current.CustomerId, Status = CouponStatus.Revoked });
            }

            AuditLog.Record(db, now, actor, "coupon.transferred", nameof(Coupon), code, (object?)new { current.CustomerId }, new { CustomerId = target.Value, expiresAt });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (db.Dialect.IsUniqueViolation(e))
            {
                return new Error(ErrorCodes.CouponNotTransferable, $"Coupon '{code}' was transferred by someone else a moment ago; look it up again.", ErrorKind.Conflict);
            }

            await tx.CommitAsync(ct);
            newCouponId = next.Id;
        }

        return await coupons.ByIdAsync(newCouponId, ct);
    }

    private static Error? NotTransferable(Coupon coupon, long target, DateTimeOffset now) =>
        coupon.IsShared ? Error.Validation([new FieldError("code", $"'{coupon.Code}' is a common code: every customer gets their own; issue it to the new customer instead.")])
        : coupon.RedemptionCount > 0 || coupon.Status == CouponStatus.Redeemed ? NotTransferableError(coupon.Code, "it has been redeemed")
        : coupon.Status == CouponStatus.Unissued ? NotTransferableError(coupon.Code, "it has not been issued to anyone yet; issue it instead")
        : coupon.StatusAt(now) == CouponStatus.Expired ? NotTransferableError(coupon.Code, $"it expired at {coupon.ExpiresAt:yyyy-MM-dd HH:mm} UTC")
        : coupon.CustomerId == target ? NotTransferableError(coupon.Code, $"customer {target} already holds it")
        : null;

    private static Error NotTransferableError(string code, string why) =>
        Error.Rule(ErrorCodes.CouponNotTransferable, $"Coupon '{code}' cannot be transferred: {why}.");
}
