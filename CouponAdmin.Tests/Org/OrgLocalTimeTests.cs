using CouponAdmin.Core.Org;

namespace CouponAdmin.Tests.Org;

/// <summary>Dates and times typed on a screen are the org's wall clock.</summary>
public class OrgLocalTimeTests
{
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void AWallTimeIsReadInTheOrgsZone()
    {
        var at = OrgLocalTime.At(new DateOnly(2026, 11, 30), new TimeOnly(23, 59, 59), Kolkata);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 18, 29, 59, TimeSpan.Zero), at.ToUniversalTime());
        Assert.Equal((new DateOnly(2026, 11, 30), new TimeOnly(23, 59, 59)), OrgLocalTime.Of(at, Kolkata));
    }

    [Fact]
    public void AWallTimeTheClocksSkipMovesPastTheGap()
    {
        var at = OrgLocalTime.At(new DateOnly(2026, 3, 29), new TimeOnly(2, 30), Berlin);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), at);
    }
}
