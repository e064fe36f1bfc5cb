using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Issuance;

public sealed record IssueCouponRequest(long OfferId, IdentifierType CustomerType, string CustomerValue, string? Code = null);

public sealed record IssuedCoupon(string Code, long OfferId, long CustomerId, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt,
    CouponStatus Status, bool Existing);

/// <summary>
/// Issues one coupon (API call or upload row) through the rule chain of docs/architecture.md ("Issuing one coupon"): customer → offer →
/// audience → past issuals → generic / max per customer / gap → series limit → a free code → issue.
/// The rules are decided by the same <see cref="IssualLedger"/> as bulk issuance and upload rows, inside the write transaction.
/// </summary>
public sealed class IssueCoupon(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock, NotificationOptions? notifications = null)
{
    public async Task<Result<IssuedCoupon>> ExecuteAsync(IssueCouponRequest request, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await CustomerDirectory.ResolveIdAsync(db, request.CustomerType, request.CustomerValue, ErrorKind.Rule, ct);
        if (!customer.IsSuccess)
        {
            return customer.Error;
        }

        var customerId = customer.Value;

        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OfferId, ct);
        if (offer is null)
        {
            return OfferQueries.NotFound(request.OfferId);
        }

        if (request.Code is not null && offer.GenerationMethod != GenerationMethod.Uploaded)
        {
            return Error.Validation([new FieldError("code", $"A code can be chosen only for uploaded codes; offer {offer.Id} makes its own.")]);
        }

        var now = clock.GetUtcNow();
        if (IssuanceChecks.OfferIssuable(offer, now) is { } closed)
        {
            return closed;
        }

        var zone = await OrgTime.ZoneAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var outcome = await IssueInTransactionAsync(db, offer, customerId, request.Code, now, zone, notifications ?? NotificationOptions.Default, ct);
        if (outcome.IsSuccess && !outcome.Value.Existing)
        {
            AuditLog.Record(db, now, actor, "coupon.issued", nameof(Coupon), outcome.Value.Code, (object?)null, outcome.Value);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return outcome;
    }

    /// <summary>
    /// Inside the write transaction: the one decider (<see cref="IssualLedger"/>) over this customer's state, then the code and
    /// the counters. The code source reports a used-up pool itself, so no codes-left count is read for one coupon.
    /// </summary>
    private static async Task<Result<IssuedCoupon>> IssueInTransactionAsync(CouponDbContext db, Offer offer, long customerId, string? requestedCode,
        DateTimeOffset now, TimeZoneInfo zone, NotificationOptions notifications, CancellationToken ct)
    {
        var ledger = await IssualLedger.LoadAsync(db, offer, [customerId], long.MaxValue, now, ct);
        var (decision, refusal) = ledger.TryIssue(customerId);
        if (decision == IssualDecision.SendExisting)
        {
            return await CustomerRefusal.ValidCouponAsync(db, offer.Id, customerId, now, ct) is { } existing
                ? new IssuedCoupon(existing.Code, offer.Id, customerId, existing.IssuedAt!.Value, existing.ExpiresAt, CouponStatus.Issued, Existing: true)
                : refusal!;
        }

        if (decision == IssualDecision.Refuse)
        {
            return refusal!;
        }

        var expiresAt = ExpiryCalculator.ExpiresAt(now, offer.Definition.Coupon.Expiry, offer.ValidUntil, zone);
        var code = await CodeSource.IssueAsync(db, offer, customerId, requestedCode, now, expiresAt, ct);
        if (!code.IsSuccess)
        {
            return code.Error;
        }

        await IssualLedgerWriter.WriteCountsAsync(db, offer, ledger, 1, now, zone, notifications, ct);
        return new IssuedCoupon(code.Value, offer.Id, customerId, now, expiresAt, CouponStatus.Issued, Existing: false);
    }
}
