using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Tests.Codes;

public class ExpiryCalculatorTests
{
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);

    private static readonly DateTimeOffset TwelfthNovemberMorning = new(2026, 11, 12, 10, 0, 0, Ist);

    [Fact]
    public void IssuedOnTwelfthNovemberWithZeroDaysExpiresThatEvening()
    {
        var expiry = ExpiryCalculator.ExpiresAt(TwelfthNovemberMorning, Days(0), null, Kolkata);

        AssertExactly(new DateTimeOffset(2026, 11, 12, 23, 59, 59, Ist), expiry);
    }

    [Fact]
    public void IssuedOnTwelfthNovemberWithOneDayExpiresOnThirteenthAtEndOfDay()
    {
        var expiry = ExpiryCalculator.ExpiresAt(TwelfthNovemberMorning, Days(1), null, Kolkata);

        AssertExactly(new DateTimeOffset(2026, 11, 13, 23, 59, 59, Ist), expiry);
    }

    [Fact]
    public void IssuedOnTwelfthNovemberWithZeroMonthEndsExpiresOnThirtiethNovember()
    {
        var expiry = ExpiryCalculator.ExpiresAt(TwelfthNovemberMorning, MonthEnds(0), null, Kolkata);

        AssertExactly(new DateTimeOffset(2026, 11, 30, 23, 59, 59, Ist), expiry);
    }

    [Fact]
    public void IssuedOnTwelfthNovemberWithOneMonthEndExpiresOnThirtyFirstDecember()
    {
        var expiry = ExpiryCalculator.ExpiresAt(TwelfthNovemberMorning, MonthEnds(1), null, Kolkata);

        AssertExactly(new DateTimeOffset(2026, 12, 31, 23, 59, 59, Ist), expiry);
    }

    [Theory]
    [InlineData(2026, 28)]
    [InlineData(2028, 29)]
    public void IssuedOnThirtyFirstJanuaryWithOneMonthEndExpiresAtTheEndOfFebruary(int year, int lastDayOfFebruary)
    {
        var issuedAt = new DateTimeOffset(year, 1, 31, 12, 0, 0, Ist);

        var expiry = ExpiryCalculator.ExpiresAt(issuedAt, MonthEnds(1), null, Kolkata);

        AssertExactly(new DateTimeOffset(year, 2, lastDayOfFebruary, 23, 59, 59, Ist), expiry);
    }

    [Fact]
    public void IssuedAfterLocalMidnightCountsFromTheLocalDateNotTheUtcDate()
    {
        // 20:00 UTC on 12 November is 01:30 on 13 November in Kolkata.
        var issuedAt = new DateTimeOffset(2026, 11, 12, 20, 0, 0, TimeSpan.Zero);

        var expiry = ExpiryCalculator.ExpiresAt(issuedAt, Days(0), null, Kolkata);

        AssertExactly(new DateTimeOffset(2026, 11, 13, 23, 59, 59, Ist), expiry);
    }

    [Fact]
    public void IssuedJustBeforeLocalMidnightExpiresThatSameLocalDay()
    {
        // 18:29 UTC on 12 November is 23:59 on 12 November in Kolkata.
        var issuedAt = new DateTimeOffset(2026, 11, 12, 18, 29, 0, TimeSpan.Zero);

        var expiry = ExpiryCalculator.ExpiresAt(issuedAt, Days(0), null, Kolkata);

        AssertExactly(new DateTimeOffset(2026, 11, 12, 23, 59, 59, Ist), expiry);
    }

    [Fact]
    public void AnExpiryAfterTheOfferEndIsCappedAtTheOfferEnd()
    {
        var offerEnd = new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.Zero);

        var expiry = ExpiryCalculator.ExpiresAt(TwelfthNovemberMorning, Days(30), offerEnd, Kolkata);

        AssertExactly(new DateTimeOffset(2026, 11, 20, 23, 30, 0, Ist), expiry);
    }

    [Fact]
    public void AMonthEndExpiryAfterTheOfferEndIsCappedAtTheOfferEnd()
    {
        var offerEnd = new DateTimeOffset(2026, 11, 25, 12, 0, 0, Ist);

        var expiry = ExpiryCalculator.ExpiresAt(TwelfthNovemberMorning, MonthEnds(0), offerEnd, Kolkata);

        AssertExactly(offerEnd, expiry);
    }

    [Fact]
    public void AnExpiryBeforeTheOfferEndIsKept()
    {
        var offerEnd = new DateTimeOffset(2027, 1, 1, 0, 0, 0, Ist);

        var expiry = ExpiryCalculator.ExpiresAt(TwelfthNovemberMorning, Days(3), offerEnd, Kolkata);

        AssertExactly(new DateTimeOffset(2026, 11, 15, 23, 59, 59, Ist), expiry);
    }

    [Fact]
    public void AlongWithTheOfferExpiresAtTheOfferEndInTheOrgZone()
    {
        var offerEnd = new DateTimeOffset(2026, 12, 31, 18, 29, 59, TimeSpan.Zero);
        var rule = new ExpirySettings { Mode = ExpiryMode.WithOffer };

        var expiry = ExpiryCalculator.ExpiresAt(TwelfthNovemberMorning, rule, offerEnd, Kolkata);

        AssertExactly(new DateTimeOffset(2026, 12, 31, 23, 59, 59, Ist), expiry);
    }

    [Fact]
    public void AlongWithAnOpenEndedOfferNeverExpires()
    {
        var rule = new ExpirySettings { Mode = ExpiryMode.WithOffer };

        Assert.Null(ExpiryCalculator.ExpiresAt(TwelfthNovemberMorning, rule, null, Kolkata));
    }

    [Fact]
    public void IssuedInLondonOnTheMorningTheClocksGoForwardExpiresThatNightInSummerTime()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var issuedAt = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero); // 00:30 GMT, half an hour before the change

        var expiry = ExpiryCalculator.ExpiresAt(issuedAt, Days(0), null, london);

        AssertExactly(new DateTimeOffset(2026, 3, 29, 23, 59, 59, TimeSpan.FromHours(1)), expiry);
    }

    [Fact]
    public void IssuedInLondonTheDayBeforeTheClocksGoForwardWithOneDayEndsInSummerTime()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var issuedAt = new DateTimeOffset(2026, 3, 28, 15, 0, 0, TimeSpan.Zero);

        var expiry = ExpiryCalculator.ExpiresAt(issuedAt, Days(1), null, london);

        AssertExactly(new DateTimeOffset(2026, 3, 29, 23, 59, 59, TimeSpan.FromHours(1)), expiry);
    }

    [Fact]
    public void IssuedInNewYorkOnTheNightTheClocksGoBackExpiresThatNightInStandardTime()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var issuedAt = new DateTimeOffset(2026, 11, 1, 0, 30, 0, TimeSpan.FromHours(-4)); // 00:30 EDT

        var expiry = ExpiryCalculator.ExpiresAt(issuedAt, Days(0), null, newYork);

        AssertExactly(new DateTimeOffset(2026, 11, 1, 23, 59, 59, TimeSpan.FromHours(-5)), expiry);
    }

    [Fact]
    public void WhenTheClocksGoBackOverMidnightTheLaterEndOfDayCounts()
    {
        // Chile goes from 24:00 on Saturday back to 23:00, so Saturday's 23:59:59 happens twice.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var issuedAt = new DateTimeOffset(2026, 4, 4, 12, 0, 0, TimeSpan.FromHours(-3));

        var expiry = ExpiryCalculator.ExpiresAt(issuedAt, Days(0), null, santiago);

        AssertExactly(new DateTimeOffset(2026, 4, 4, 23, 59, 59, TimeSpan.FromHours(-4)), expiry);
    }

    [Fact]
    public void WhenTheClocksJumpOverTheEndOfTheDayItEndsTheSecondBeforeTheJump()
    {
        // A made-up zone whose clocks jump from 23:30 to 00:30 on 15 March.
        var spring = TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 23, 30, 0), 3, 15);
        var autumn = TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 2, 0, 0), 10, 15);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(new DateTime(2000, 1, 1), new DateTime(2100, 12, 31), TimeSpan.FromHours(1), spring, autumn);
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/LateJump", TimeSpan.FromHours(2), "Late jump", "Late jump", "Late jump summer", [rule]);
        var issuedAt = new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.FromHours(2));

        var expiry = ExpiryCalculator.ExpiresAt(issuedAt, Days(0), null, zone);

        AssertExactly(new DateTimeOffset(2026, 3, 15, 23, 29, 59, TimeSpan.FromHours(2)), expiry);
    }

    [Fact]
    public void AHugeNumberOfDaysStopsAtTheLastRepresentableDayInsteadOfOverflowing()
    {
        var expiry = ExpiryCalculator.ExpiresAt(TwelfthNovemberMorning, Days(int.MaxValue), null, Kolkata);

        Assert.NotNull(expiry);
        Assert.Equal(9999, expiry.Value.Year);
    }

    [Fact]
    public void ANegativeNumberOfDaysIsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpiryCalculator.ExpiresAt(TwelfthNovemberMorning, Days(-1), null, Kolkata));
    }

    private static ExpirySettings Days(int n) => new() { Mode = ExpiryMode.DaysFromIssual, Value = n };

    private static ExpirySettings MonthEnds(int n) => new() { Mode = ExpiryMode.MonthEndsFromIssual, Value = n };

    private static void AssertExactly(DateTimeOffset expected, DateTimeOffset? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected, actual.Value);
        Assert.Equal(expected.Offset, actual.Value.Offset);
    }
}
