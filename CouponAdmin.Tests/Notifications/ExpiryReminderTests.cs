using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Core.Revocation;
using CouponAdmin.Tests.Issuance;
using CouponAdmin.Tests.Offers;
using Microsoft.EntityFrameworkCore;
using netDumbster.smtp;

namespace CouponAdmin.Tests.Notifications;

/// <summary>
/// Expiry reminders, end to end on a fake clock in Asia/Kolkata: coupons issued 12 Nov 2025 09:30 with three days expire
/// 15 Nov 23:59:59, so "1 day before at 10:00" is due 14 Nov 10:00 IST; delivery goes to a real SMTP server.
/// </summary>
public sealed class ExpiryReminderTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);
    private static readonly DateTimeOffset Moment = new(2025, 11, 14, 10, 0, 0, Ist);
    private readonly NotificationTestBed _bed = new();
    private readonly SimpleSmtpServer _smtp = SimpleSmtpServer.Start();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task TwoOverlappingReminderRunsAndTwoOverlappingDeliveriesMailEachReminderOnce()
    {
        var offer = await OfferAsync();
        var codes = new List<string>();
        foreach (var name in new[] { "Asha", "Ravi", "Meera" })
        {
            codes.Add(await IssueAsync(offer, await _bed.CustomerAsync(name: name)));
        }

        _bed.Issuance.Clock.SetUtcNow(Moment.AddSeconds(30));
        var runs = await IssuanceTestBed.ReleasedTogetherAsync(2, _ => _bed.Reminders.RunAsync());
        var deliveries = await IssuanceTestBed.ReleasedTogetherAsync(2, _ => _bed.DeliverAsync(_smtp.Configuration.Port));
        _bed.Issuance.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await _bed.Reminders.RunAsync();
        await _bed.DeliverAsync(_smtp.Configuration.Port);

        Assert.Equal(3, runs.Sum(r => r.Written));
        Assert.Equal(0, later.Written);
        Assert.Equal(3, deliveries.Sum(d => d.Sent));
        var mails = NotificationTestBed.Received(_smtp);
        Assert.Equal(3, mails.Count);
        Assert.Equal(3, mails.Select(NotificationTestBed.To).Distinct().Count());
        var asha = Assert.Single(mails, m => m.TextBody?.StartsWith("Hi Asha", StringComparison.Ordinal) == true);
        Assert.Equal($"Hi Asha, {codes[0]} of Reminder test expires on 15 Nov 2025 23:59 (UTC+05:30).", asha.TextBody!.TrimEnd());
        Assert.Equal("Your Reminder test coupon expires soon", asha.Subject);
        Assert.All(await _bed.OutboxAsync(), m => Assert.Equal((MessageStatus.Sent, 1, MessageKind.Reminder), (m.Status, m.Attempts, m.Kind)));
    }

    [Fact]
    public async Task NoReminderIsWrittenBeforeItsMoment()
    {
        var offer = await OfferAsync();
        await IssueAsync(offer, await _bed.CustomerAsync());

        _bed.Issuance.Clock.SetUtcNow(Moment.AddSeconds(-1));
        var early = await _bed.Reminders.RunAsync();
        _bed.Issuance.Clock.SetUtcNow(Moment);
        var due = await _bed.Reminders.RunAsync();

        Assert.Equal((0, 1), (early.Written, due.Written));
    }

    [Fact]
    public async Task CouponsRedeemedOrRevokedBeforeTheMomentGetNoReminder()
    {
        var offer = await OfferAsync();
        var kept = await _bed.CustomerAsync();
        var redeemer = await _bed.CustomerAsync();
        var revoked = await _bed.CustomerAsync();
        await IssueAsync(offer, kept);
        var redeemedCode = await IssueAsync(offer, redeemer);
        await IssueAsync(offer, revoked);

        _bed.Issuance.Clock.SetUtcNow(Moment.AddHours(-2));
        var redemption = await new RedeemCoupon(_bed.Issuance.Database, _bed.Issuance.Clock).ExecuteAsync(
            new RedeemRequest(redeemedCode, IdentifierType.UserId, NotificationTestBed.Text(redeemer), null, null, 1000m, null, "T-1"), IssuanceTestBed.Actor);
        Assert.True(redemption.IsSuccess, redemption.Error?.Message);
        var revocation = await new RevokeCoupons(_bed.Issuance.Database, _bed.Issuance.Clock).ExecuteAsync(
            new RevokeRequest(offer.Id, RevokeMode.Customers, [new CustomerRef(IdentifierType.UserId, NotificationTestBed.Text(revoked))]), IssuanceTestBed.Actor);
        Assert.Equal(1, revocation.Value);
        _bed.Issuance.Clock.SetUtcNow(Moment.AddMinutes(1));
        await _bed.Reminders.RunAsync();
        await _bed.DeliverAsync(_smtp.Configuration.Port);

        var message = Assert.Single(await _bed.OutboxAsync());
        Assert.Equal(kept, message.CustomerId);
        Assert.Equal(1, _smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task ACustomerWithoutAMobileGetsASkippedSmsReminderSayingWhy()
    {
        var offer = await OfferAsync(r => r.Channel = ReminderChannel.Sms);
        var customer = await _bed.CustomerAsync(mobile: null);
        await IssueAsync(offer, customer);

        _bed.Issuance.Clock.SetUtcNow(Moment.AddMinutes(1));
        await _bed.Reminders.RunAsync();

        var message = Assert.Single(await _bed.OutboxAsync());
        Assert.Equal((MessageStatus.Skipped, MessageChannel.Sms, ""), (message.Status, message.Channel, message.Recipient));
        Assert.Equal($"Customer {customer} has no mobile number.", message.Note);
    }

    [Fact]
    public async Task AReminderWhoseMomentPassedLongerAgoThanTheCatchUpIsNotSent()
    {
        var offer = await OfferAsync();
        await IssueAsync(offer, await _bed.CustomerAsync());

        // The app was down from before the moment until 25 hours after it.
        _bed.Issuance.Clock.SetUtcNow(Moment.AddHours(25));
        var late = await _bed.Reminders.RunAsync();

        Assert.Equal(0, late.Written);
    }

    [Fact]
    public async Task AReminderWithinTheCatchUpIsSentAfterADowntime()
    {
        var offer = await OfferAsync();
        await IssueAsync(offer, await _bed.CustomerAsync());

        _bed.Issuance.Clock.SetUtcNow(Moment.AddHours(23));
        var late = await _bed.Reminders.RunAsync();

        Assert.Equal(1, late.Written);
    }

    [Fact]
    public async Task ACouponIssuedAfterItsReminderMomentGetsNoReminder()
    {
        var offer = await OfferAsync(r => r.DaysBefore = 3);
        // Issued 12 Nov 09:30, expiring 15 Nov: "3 days before at 10:00" is 12 Nov 10:00, half an hour after issual.
        await IssueAsync(offer, await _bed.CustomerAsync());
        _bed.Issuance.Clock.SetUtcNow(new DateTimeOffset(2025, 11, 12, 10, 15, 0, Ist));
        await IssueAsync(offer, await _bed.CustomerAsync());

        var run = await _bed.Reminders.RunAsync();

        Assert.Equal(1, run.Written);
    }

    [Fact]
    public async Task ADayOfSeveralExpiryTimesWrittenInSmallChunksGetsEveryReminderOnce()
    {
        _bed.Options = _bed.Options with { ReminderChunkSize = 2 };
        var offer = await OfferAsync();
        for (var i = 0; i < 5; i++)
        {
            await IssueAsync(offer, await _bed.CustomerAsync());
        }

        // Two of the coupons expire earlier that day (an offer's end can cap the expiry at any time).
        await _bed.Issuance.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "Coupons" SET "ExpiresAt" = {new DateTimeOffset(2025, 11, 15, 20, 0, 0, Ist).UtcTicks} WHERE "Id" IN (SELECT "Id" FROM "Coupons" ORDER BY "Id" DESC LIMIT 2)"""));
        _bed.Issuance.Clock.SetUtcNow(Moment.AddMinutes(1));
        var run = await _bed.Reminders.RunAsync();

        Assert.Equal(5, run.Written);
        Assert.Equal(5, (await _bed.OutboxAsync()).Select(m => m.CouponId).Distinct().Count());
    }

    private Task<Offer> OfferAsync(Action<ReminderSettings>? change = null) => _bed.Issuance.ActiveOfferAsync(o =>
    {
        o.Name = "Reminder test";
        o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 3 };
        var reminder = new ReminderSettings
        {
            DaysBefore = 1, Channel = ReminderChannel.Email, At = new TimeOnly(10, 0),
            Text = "Hi {{customer.name}}, {{coupon.code}} of {{offer.name}} expires on {{coupon.expiry}}.",
        };
        change?.Invoke(reminder);
        o.Issual.Reminders = [reminder];
    });

    private async Task<string> IssueAsync(Offer offer, long customer)
    {
        var issued = await _bed.Issuance.IssueAsync(offer.Id, customer);
        Assert.True(issued.IsSuccess, issued.Error?.Message);
        Assert.Equal(TestOffers.Now.Date.AddDays(3), issued.Value!.ExpiresAt!.Value.ToOffset(Ist).Date);
        return issued.Value.Code;
    }
}
