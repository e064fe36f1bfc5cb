namespace CouponAdmin.Core.Offers;

/// <summary>
/// The offers "Restrict based on past coupon issuals" can name: the past-issual rule looks back six months, so
/// offers that could have issued in that window (not drafts, not ended before it) and never the offer itself.
/// </summary>
public static class PastIssualCandidates
{
    public const int LookBackMonths = Issuance.IssuanceChecks.PastIssualMonths;

    public static IReadOnlyList<OfferListItem> From(IEnumerable<OfferListItem> offers, long? selfId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(offers);
        var since = now.AddMonths(-LookBackMonths);
        return [.. offers
            .Where(o => o.Id != selfId && o.Status != OfferStatus.Draft && (o.ValidUntil is null || o.ValidUntil >= since))
            .OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase)];
    }
}
