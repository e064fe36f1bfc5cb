using CouponAdmin.Core.Notifications;
using MimeKit;
using netDumbster.smtp;

namespace CouponAdmin.Tests.Notifications;

/// <summary>E-mail delivery through MailKit against a real SMTP server in the process, and the embedded .eml default.</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private readonly NotificationTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task AServerThatRefusesAndThenAcceptsGetsTheMessageOnceWithBothAttemptsRecorded()
    {
        var port = NotificationTestBed.FreePort();
        var id = await _bed.AddMessageAsync(MessageChannel.Email, "member@shop.example", "Your code is ABC123", "Your coupon");

        var refused = await _bed.DeliverAsync(port);
        var afterRefusal = await _bed.MessageAsync(id);
        var tooSoon = await _bed.DeliverAsync(port);
        using var smtp = SimpleSmtpServer.Start(port);
        _bed.Issuance.Clock.Advance(TimeSpan.FromMinutes(1));
        var accepted = await _bed.DeliverAsync(port);
        var again = await _bed.DeliverAsync(port);

        Assert.Equal((1, 0, 1, 0), (refused.Retrying, tooSoon.Total, accepted.Sent, again.Total));
        Assert.Equal((MessageStatus.Pending, 1), (afterRefusal.Status, afterRefusal.Attempts));
        Assert.Contains($"Could not reach the SMTP server 127.0.0.1:{port}", afterRefusal.LastError, StringComparison.Ordinal);
        Assert.Equal(afterRefusal.CreatedAt.AddMinutes(1), afterRefusal.NextAttemptAt);
        var sent = await _bed.MessageAsync(id);
        Assert.Equal((MessageStatus.Sent, 2), (sent.Status, sent.Attempts));
        Assert.Equal(_bed.Issuance.Clock.GetUtcNow(), sent.SentAt);
        Assert.StartsWith($"Accepted by 127.0.0.1:{port}", sent.Note, StringComparison.Ordinal);
        var mail = Assert.Single(NotificationTestBed.Received(smtp));
        Assert.Equal(("member@shop.example", "Your coupon", "Your code is ABC123"), (NotificationTestBed.To(mail), mail.Subject, mail.TextBody?.TrimEnd()));
        Assert.Equal($"outbox-{id}@couponadmin", mail.MessageId);
    }

    [Fact]
    public async Task FailuresBackOffOneFiveAndThirtyMinutesThenHourlyAndStopAtTheMaximum()
    {
        _bed.Options = _bed.Options with { MaxAttempts = 5 };
        var port = NotificationTestBed.FreePort();
        var id = await _bed.AddMessageAsync(MessageChannel.Email, "member@shop.example", "Hello");
        var delays = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var before = _bed.Issuance.Clock.GetUtcNow();
            Assert.Equal(1, (await _bed.DeliverAsync(port)).Total);
            var message = await _bed.MessageAsync(id);
            if (message.Status == MessageStatus.Pending)
            {
                delays.Add(message.NextAttemptAt - before);
                _bed.Issuance.Clock.SetUtcNow(message.NextAttemptAt);
            }
        }

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)], delays);
        var failed = await _bed.MessageAsync(id);
        Assert.Equal((MessageStatus.Failed, 5), (failed.Status, failed.Attempts));
        Assert.Contains("Could not reach the SMTP server", failed.LastError, StringComparison.Ordinal);
        _bed.Issuance.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await _bed.DeliverAsync(port)).Total);
    }

    [Fact]
    public async Task ABatchOfMessagesTravelsOverOneConnection()
    {
        using var smtp = SimpleSmtpServer.Start();
        using var relay = new CountingTcpRelay(smtp.Configuration.Port);
        for (var i = 0; i < 25; i++)
        {
            await _bed.AddMessageAsync(MessageChannel.Email, $"member{i}@shop.example", $"Message {i}");
        }

        var report = await _bed.DeliverAsync(relay.Port);

        Assert.Equal(25, report.Sent);
        Assert.Equal(25, smtp.ReceivedEmailCount);
        Assert.Equal(1, relay.Connections);
    }

    [Fact]
    public async Task AMessageWhoseClaimLapsedIsDeliveredByTheNextRun()
    {
        using var smtp = SimpleSmtpServer.Start();
        // A run claimed it and died before settling it: the claim lapsed a minute ago.
        var id = await _bed.AddMessageAsync(MessageChannel.Email, "member@shop.example", "Hello", status: MessageStatus.Sending,
            nextAttemptAt: _bed.Issuance.Clock.GetUtcNow().AddMinutes(-1));

        var report = await _bed.DeliverAsync(smtp.Configuration.Port);

        Assert.Equal(1, report.Sent);
        Assert.Equal(MessageStatus.Sent, (await _bed.MessageAsync(id)).Status);
    }

    [Fact]
    public async Task WithoutAnSmtpServerEachMessageIsWrittenAsAnEmlFileAndTheOutboxSaysWhere()
    {
        var folder = Directory.CreateTempSubdirectory("couponadmin-mail-").FullName;
        try
        {
            var id = await _bed.AddMessageAsync(MessageChannel.Email, "member@shop.example", "Your code is ABC123", "Your coupon");
            var transport = new EmlFileTransport(new SmtpOptions { MailFolder = folder }, _bed.Issuance.Clock);

            var report = await _bed.Delivery(transport).RunAsync();

            Assert.Equal(1, report.Sent);
            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var message = await _bed.MessageAsync(id);
            Assert.Equal(MessageStatus.Sent, message.Status);
            Assert.Equal($"No SMTP server is configured (Smtp:Host): written to {file}", message.Note);
            var mail = await MimeMessage.LoadAsync(file);
            Assert.Equal(("member@shop.example", "Your coupon", "Your code is ABC123"), (NotificationTestBed.To(mail), mail.Subject, mail.TextBody?.TrimEnd()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 30)]
    [InlineData(4, 60)]
    [InlineData(7, 60)]
    public void TheRetryScheduleIsOneFiveThirtyMinutesThenHourly(int failedAttempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), RetrySchedule.DelayAfter(failedAttempts));
}
