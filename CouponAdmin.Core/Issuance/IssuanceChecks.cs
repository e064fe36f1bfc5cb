using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Issuance;

/// <summary>The issuing rules that only read, in the order of docs/architecture.md, "Issuing one coupon", before anything is counted.</summary>
internal static class IssuanceChecks
{
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

    /// <summary>The rules that only read, in order, for one customer: offer issuable, audience, past issuals.</summary>
    public static async Task<Error?> ReadOnlyRulesAsync(CouponDbContext db, Offer offer, long customerId, DateTimeOffset now, CancellationToken ct) =>
        OfferIssuable(offer, now)
        ?? await AudienceAsync(db, offer, customerId, ct)
        ?? await PastIssualAsync(db, offer, customerId, now, ct);

    public static async Task<Error?> AudienceAsync(CouponDbContext db, Offer offer, long customerId, CancellationToken ct) =>
        offer.Definition.Coupon.SpecificCustomersOnly
        && !await db.AudienceMembers.AnyAsync(a => a.OfferId == offer.Id && a.CustomerId == customerId, ct)
            ? NotInAudience(offer, customerId)
            : null;

    public static Error NotInAudience(Offer offer, long customerId) =>
        Error.Rule(ErrorCodes.CustomerNotInAudience, $"Customer {customerId} is not on the specific-customers list of offer {offer.Id}.");

    public static Error PastIssual(long customerId, long offerId) =>
        Error.Rule(ErrorCodes.RestrictedByPastIssual, $"Customer {customerId} received a coupon of offer {offerId} in the last {PastIssualMonths} months.");

    public static async Task<Error?> PastIssualAsync(CouponDbContext db, Offer offer, long customerId, DateTimeOffset now, CancellationToken ct)
    {
        var restricting = offer.Definition.Issual.RestrictPastOfferIds;
        if (restricting.Count == 0)
        {
            return null;
        }

        var since = now.AddMonths(-PastIssualMonths);
        var hit = await db.Coupons.AsNoTracking()
            .Where(c => restricting.Contains(c.OfferId) && c.CustomerId == customerId && c.IssuedAt >= since)
            .Select(c => (long?)c.OfferId)
            .FirstOrDefaultAsync(ct);
        return hit is { } offerId ? PastIssual(customerId, offerId) : null;
    }

    /// <summary>Whether the offer limits coupons per customer, so issuing must count them.</summary>
    public static bool CountsPerCustomer(OfferDefinition d) =>
        d.Coupon.Generation.Method == GenerationMethod.Common || d.Issual.MaxPerCustomer is not null || d.Issual.MinGapDays > 0;

    /// <summary>The per-customer cap: one for a common code, else the configured maximum.</summary>
    public static int? MaxPerCustomer(OfferDefinition d) =>
        d.Coupon.Generation.Method == GenerationMethod.Common ? 1 : d.Issual.MaxPerCustomer;
}
