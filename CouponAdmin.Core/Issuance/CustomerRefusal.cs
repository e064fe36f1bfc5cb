using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Issuance;

/// <summary>
/// Says which per-customer rule refused an issual once the atomic count did, and applies "send the existing
/// valid coupon" when the marketer chose it. Reads only; the decision was already made by the count.
/// </summary>
internal static class CustomerRefusal
{
    /// <param name="sendExisting">False when the customer must get this very code (a transfer), so their own coupon is no answer.</param>
    public static async Task<Result<IssuedCoupon>> ExplainAsync(CouponDbContext db, Offer offer, long customerId, DateTimeOffset now, CancellationToken ct,
        bool sendExisting = true)
    {
        var d = offer.Definition;
        var counter = await db.CustomerIssuals.AsNoTracking().FirstAsync(c => c.OfferId == offer.Id && c.CustomerId == customerId, ct);
        var max = IssuanceChecks.MaxPerCustomer(d);
        var maxReached = max is { } m && counter.Count >= m;

        if (maxReached && sendExisting && d.Issual.OnRepeatMatch == RepeatMatchAction.SendExisting && await ValidCouponAsync(db, offer.Id, customerId, now, ct) is { } existing)
        {
            return new IssuedCoupon(existing.Code, offer.Id, customerId, existing.IssuedAt!.Value, existing.ExpiresAt, CouponStatus.Issued, Existing: true);
        }

        return maxReached ? MaxReached(offer, customerId, counter.Count) : GapNotMet(offer, customerId, counter.LastIssuedAt!.Value);
    }

    /// <summary>The refusal when the customer holds the most coupons the offer allows (one, for a common code).</summary>
    public static Error MaxReached(Offer offer, long customerId, int count) =>
        offer.Definition.Coupon.Generation.Method == GenerationMethod.Common
            ? Error.Rule(ErrorCodes.GenericAlreadyIssued, $"Customer {customerId} already has the common code of offer {offer.Id}.")
            : Error.Rule(ErrorCodes.MaxIssualsPerCustomerExceeded,
                $"Customer {customerId} already has {count} coupon(s) of offer {offer.Id}, the maximum of {IssuanceChecks.MaxPerCustomer(offer.Definition)}.");

    public static Error GapNotMet(Offer offer, long customerId, DateTimeOffset lastIssuedAt)
    {
        var gap = offer.Definition.Issual.MinGapDays;
        return Error.Rule(ErrorCodes.MinIssualGapNotMet,
            $"Customer {customerId} got a coupon of offer {offer.Id} at {lastIssuedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC; the next may be issued from {lastIssuedAt.AddDays(gap).UtcDateTime:yyyy-MM-dd HH:mm} UTC ({gap}-day gap).");
    }

    public static Error SeriesLimitReached(Offer offer) =>
        Error.Rule(ErrorCodes.SeriesIssualLimitExceeded, $"Offer {offer.Id} has issued its limit of {offer.Definition.Issual.TotalLimit:N0} coupons.");

    private static Task<Coupon?> ValidCouponAsync(CouponDbContext db, long offerId, long customerId, DateTimeOffset now, CancellationToken ct) =>
        db.Coupons.AsNoTracking()
            .Where(c => c.OfferId == offerId && c.CustomerId == customerId && c.Status == CouponStatus.Issued)
            .Where(Coupon.ValidAtQuery(now))
            .OrderByDescending(c => c.IssuedAt)
            .FirstOrDefaultAsync(ct);
}
