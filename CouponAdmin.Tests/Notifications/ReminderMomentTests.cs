using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Offers;
using CouponAdmin.Tests.Issuance;

namespace CouponAdmin.Tests.Notifications;

/// <summary>
/// When a reminder is due, across daylight-saving changes. Europe/London moves to BST (UTC+1) at 01:00 UTC on
/// 29 March 2026 and back at 01:00 UTC on 25 October 2026; America/New_York to EDT on 8 March 2026 at 02:00 local.
/// A reminder keeps its wall-clock time in the org's zone, so its instant in UTC moves with the change.
/// </summary>
public sealed class ReminderMomentTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private readonly NotificationTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Theory]
    // Before the change: 10:00 GMT is 10:00 UTC.
    [InlineData("Europe/London", "2026-03-28", 1, "10:00", "2026-03-27T10:00:00Z")]
    // The day of the change: 10:00 BST is 09:00 UTC.
    [InlineData("Europe/London", "2026-03-30", 1, "10:00", "2026-03-29T09:00:00Z")]
    // 01:30 does not exist on 29 March: the reminder goes at the first minute after the gap, 02:00 BST.
    [InlineData("Europe/London", "2026-03-29", 0, "01:30", "2026-03-29T01:00:00Z")]
    // 01:30 happens twice on 25 October: the first time, still BST.
    [InlineData("Europe/London", "2026-10-25", 0, "01:30", "2026-10-25T00:30:00Z")]
    [InlineData("Europe/London", "2026-10-26", 1, "10:00", "2026-10-25T10:00:00Z")]
    // Three days before 10 March is still EST (UTC−5); one day before is EDT (UTC−4).
    [InlineData("America/New_York", "2026-03-10", 3, "09:00", "2026-03-07T14:00:00Z")]
    [InlineData("America/New_York", "2026-03-10", 1, "09:00", "2026-03-09T13:00:00Z")]
    public void TheMomentIsTheReminderTimeOnTheOrgsWallClock(string zone, string expiryDate, int daysBefore, string at, string expectedUtc)
    {
        var reminder = new ReminderSettings { DaysBefore = daysBefore, At = TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture) };

        var moment = ReminderSchedule.MomentFor(DateOnly.Parse(expiryDate, System.Globalization.CultureInfo.InvariantCulture), reminder, TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), moment);
    }

    [Fact]
    public void TheWindowOfAnExpiryDayAfterTheChangeRunsFromBstMidnightToBstMidnight()
    {
        var reminder = new ReminderSettings { DaysBefore = 1, At = new TimeOnly(10, 0) };

        var window = Assert.Single(ReminderSchedule.Windows(reminder, Utc(2026, 3, 29, 8, 59), Utc(2026, 3, 29, 9, 0), London));

        Assert.Equal(new DateOnly(2026, 3, 30), window.ExpiryDate);
        Assert.Equal(Utc(2026, 3, 29, 9, 0), window.Moment);
        Assert.Equal(Utc(2026, 3, 29, 23, 0), window.ExpiresFrom);
        Assert.Equal(Utc(2026, 3, 30, 23, 0), window.ExpiresBefore);
    }

    [Fact]
    public void ASpanOverTheChangeHoldsOneWindowPerExpiryDayWithItsOwnLength()
    {
        var reminder = new ReminderSettings { DaysBefore = 2, At = new TimeOnly(9, 0) };

        var windows = ReminderSchedule.Windows(reminder, Utc(2026, 3, 7, 12, 0), Utc(2026, 3, 9, 12, 0), NewYork);

        // Expiring 9 March: due 7 March 09:00 EST = 14:00 UTC. Expiring 10 March: due 8 March 09:00 EDT = 13:00 UTC, only
        // 23 hours later. Expiring 11 March: due 9 March 13:00 UTC, after the span.
        Assert.Equal([new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 10)], windows.Select(w => w.ExpiryDate));
        Assert.Equal([Utc(2026, 3, 7, 14, 0), Utc(2026, 3, 8, 13, 0)], windows.Select(w => w.Moment));
        Assert.Equal(Utc(2026, 3, 9, 4, 0), windows[0].ExpiresFrom);

        // The expiry day of the change itself is 23 hours long: midnight EST to midnight EDT.
        var shortDay = Assert.Single(ReminderSchedule.Windows(reminder, Utc(2026, 3, 6, 13, 0), Utc(2026, 3, 6, 15, 0), NewYork));
        Assert.Equal(new DateOnly(2026, 3, 8), shortDay.ExpiryDate);
        Assert.Equal((Utc(2026, 3, 8, 5, 0), Utc(2026, 3, 9, 4, 0)), (shortDay.ExpiresFrom, shortDay.ExpiresBefore));
    }

    [Fact]
    public async Task OnAFakeClockTheReminderIsWrittenAtTenBritishSummerTimeNotTenUtc()
    {
        await _bed.UseZoneAsync("Europe/London");
        var offer = await _bed.Issuance.ActiveOfferAsync(o =>
        {
            o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 3 };
            o.Issual.Reminders = [new ReminderSettings { DaysBefore = 1, At = new TimeOnly(10, 0), Channel = ReminderChannel.Email, Text = "{{coupon.code}} expires {{coupon.expiry}}" }];
        });
        _bed.Issuance.Clock.SetUtcNow(Utc(2026, 3, 27, 12, 0));
        var issued = await _bed.Issuance.IssueAsync(offer.Id, await _bed.CustomerAsync());
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 23, 59, 59, TimeSpan.FromHours(1)), issued.Value!.ExpiresAt);

        _bed.Issuance.Clock.SetUtcNow(Utc(2026, 3, 29, 8, 59));
        var before = await _bed.Reminders.RunAsync();
        _bed.Issuance.Clock.SetUtcNow(Utc(2026, 3, 29, 9, 0));
        var at = await _bed.Reminders.RunAsync();

        Assert.Equal((0, 1), (before.Written, at.Written));
        var message = Assert.Single(await _bed.OutboxAsync());
        Assert.Equal($"{issued.Value.Code} expires 30 Mar 2026 23:59 (UTC+01:00)", message.Body);
    }

    [Fact]
    public async Task OnAFakeClockAReminderRunEveryMinuteThroughTheAutumnChangeWritesOnce()
    {
        await _bed.UseZoneAsync("Europe/London");
        var offer = await _bed.Issuance.ActiveOfferAsync(o =>
        {
            o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 2 };
            o.Issual.Reminders = [new ReminderSettings { DaysBefore = 0, At = new TimeOnly(1, 30), Channel = ReminderChannel.Email, Text = "Last day" }];
        });
        _bed.Issuance.Clock.SetUtcNow(Utc(2026, 10, 23, 12, 0));
        Assert.True((await _bed.Issuance.IssueAsync(offer.Id, await _bed.CustomerAsync())).IsSuccess);

        // From 00:00 UTC to 02:00 UTC on 25 October the wall clock shows 01:00–01:59 twice.
        long written = 0;
        for (var t = Utc(2026, 10, 25, 0, 0); t <= Utc(2026, 10, 25, 2, 0); t = t.AddMinutes(1))
        {
            _bed.Issuance.Clock.SetUtcNow(t);
            var run = await _bed.Reminders.RunAsync();
            written += run.Written;
            if (run.Written > 0)
            {
                Assert.Equal(Utc(2026, 10, 25, 0, 30), t);
            }
        }

        Assert.Equal(1, written);
    }

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);
}
