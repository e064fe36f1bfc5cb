using CouponAdmin.Core.Offers;

namespace CouponAdmin.Tests.Offers;

/// <summary>The offers "Restrict based on past coupon issuals" offers to pick from.</summary>
public class PastIssualCandidatesTests
{
    private static readonly DateTimeOffset Now = TestOffers.Now;

    [Fact]
    public void OffersThatCouldHaveIssuedInTheLastSixMonthsAreCandidatesByName()
    {
        OfferListItem[] offers =
        [
            Item(1, "Zeta", OfferStatus.Active, null),
            Item(2, "Alpha", OfferStatus.Ended, Now.AddMonths(-5)),
            Item(3, "Old", OfferStatus.Ended, Now.AddMonths(-7)),
            Item(4, "Draft", OfferStatus.Draft, null),
            Item(5, "Self", OfferStatus.Active, null),
        ];

        var candidates = PastIssualCandidates.From(offers, selfId: 5, Now);

        Assert.Equal(["Alpha", "Zeta"], candidates.Select(c => c.Name));
    }

    private static OfferListItem Item(long id, string name, OfferStatus status, DateTimeOffset? until) =>
        new(id, name, status, GenerationMethod.AutoUnique, IssuedBy.CouponAdmin, null, until, Now);
}
