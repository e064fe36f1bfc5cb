using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Core.Issuance;

/// <summary>
/// The offer-wide issuing rule every path checks first, and the facts and messages of the per-customer rules that
/// <see cref="IssualLedger"/> decides (docs/architecture.md, "Issuing one coupon").
/// </summary>
internal static class IssuanceChecks
{
    /// <summary>How far back "restrict based on past issuals" looks: calendar months before now.</summary>
    public const int PastIssualMonths = 6;

    /// <summary>Offer active and within its validity, and issuable by us.</summary>
    public static Error? OfferIssuable(Offer offer, DateTimeOffset now)
    {
        if (offer.Status != OfferStatus.Active)
        {
            return Error.Rule(ErrorCodes.OfferNotActive, $"Offer {offer.Id} is {offer.Status.ToString().ToLowerInvariant()}, not active.");
        }

        if (offer.ValidFrom is { } from && now < from)
        {
            return Error.Rule(ErrorCodes.OfferNotActive, $"Offer {offer.Id} starts on {from:yyyy-MM-dd HH:mm zzz}.");
        }

        if (offer.ValidUntil is { } until && now > until)
        {
            return Error.Rule(ErrorCodes.OfferNotActive, $"Offer {offer.Id} ended on {until:yyyy-MM-dd HH:mm zzz}.");
        }

        return offer.IssuedBy == IssuedBy.ThirdParty
            ? Error.Rule(ErrorCodes.IssualNotAllowedForSeries, $"Offer {offer.Id} is issued through a third party; CouponAdmin cannot issue its coupons.")
            : null;
    }

    public static Error NotInAudience(Offer offer, long customerId) =>
        Error.Rule(ErrorCodes.CustomerNotInAudience, $"Customer {customerId} is not on the specific-customers list of offer {offer.Id}.");

    public static Error PastIssual(long customerId, long offerId) =>
        Error.Rule(ErrorCodes.RestrictedByPastIssual, $"Customer {customerId} received a coupon of offer {offerId} in the last {PastIssualMonths} months.");

    /// <summary>Whether the offer limits coupons per customer, so issuing must count them.</summary>
    public static bool CountsPerCustomer(OfferDefinition d) =>
        d.Coupon.Generation.Method == GenerationMethod.Common || d.Issual.MaxPerCustomer is not null || d.Issual.MinGapDays > 0;

    /// <summary>The per-customer cap: one for a common code, else the configured maximum.</summary>
    public static int? MaxPerCustomer(OfferDefinition d) =>
        d.Coupon.Generation.Method == GenerationMethod.Common ? 1 : d.Issual.MaxPerCustomer;
}
