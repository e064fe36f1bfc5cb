using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Issuance;

/// <summary>The messages of the per-customer and series refusals, and the coupon "send the existing coupon" sends.</summary>
internal static class CustomerRefusal
{
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

    /// <summary>The customer's newest coupon of the offer that is still issued and valid: what "send the existing coupon" sends.</summary>
    public static Task<Coupon?> ValidCouponAsync(CouponDbContext db, long offerId, long customerId, DateTimeOffset now, CancellationToken ct) =>
        db.Coupons.AsNoTracking()
            .Where(c => c.OfferId == offerId && c.CustomerId == customerId && c.Status == CouponStatus.Issued)
            .Where(Coupon.ValidAtQuery(now))
            .OrderByDescending(c => c.IssuedAt)
            .FirstOrDefaultAsync(ct);
}
