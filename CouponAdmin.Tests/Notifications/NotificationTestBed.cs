using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Org;
using CouponAdmin.Tests.Issuance;
using CouponAdmin.Tests.Uploads;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using netDumbster.smtp;

namespace CouponAdmin.Tests.Notifications;

/// <summary>
/// The issuance (and upload) test world plus the notification use cases, on the same fake clock. Delivery goes to a
/// real SMTP server in the process (netDumbster) or wherever a test points it.
/// </summary>
internal sealed class NotificationTestBed : IAsyncLifetime
{
    private int _nextCustomer;

    public UploadTestBed Uploads { get; } = new();

    public IssuanceTestBed Issuance => Uploads.Issuance;

    public NotificationOptions Options { get; set; } = new() { BaseUrl = "https://admin.shop.example" };

    public ExpiryReminders Reminders => new(Issuance.Database, Issuance.Clock, Options, NoOutboxSignal.Instance);

    public Task InitializeAsync() => Uploads.InitializeAsync();

    public Task DisposeAsync() => Uploads.DisposeAsync();

    public Task UseZoneAsync(string zone) => new OrgSetup(Issuance.Database, Issuance.Clock).SetSettingsAsync(zone, "INR", IssuanceTestBed.Actor);

    /// <summary>A customer with the given contact details; returns the user id.</summary>
    public async Task<long> CustomerAsync(string? email = "", string? mobile = null, string? name = "Asha")
    {
        var n = Interlocked.Increment(ref _nextCustomer);
        var result = await new CustomerDirectory(Issuance.Database).RegisterAsync(new RegisterCustomerRequest(null, null,
            mobile, email == "" ? $"member{n}@shop.example" : email, name, null));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!.UserId;
    }

    public static SmtpEmailTransport Smtp(int port) =>
        new(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(10) });

    public DeliverOutbox Delivery(IEmailTransport email, ISmsGateway? sms = null) =>
        new(Issuance.Database, Issuance.Clock, Options, email, sms ?? new NoSmsGateway());

    public Task<DeliveryReport> DeliverAsync(int smtpPort) => Delivery(Smtp(smtpPort)).RunAsync();

    /// <summary>Puts a message straight into the outbox, as an event's transaction would, and returns its id.</summary>
    public Task<long> AddMessageAsync(MessageChannel channel, string recipient, string body, string? subject = null, MessageStatus status = MessageStatus.Pending,
        DateTimeOffset? nextAttemptAt = null) =>
        Issuance.QueryAsync(async db =>
        {
            var now = Issuance.Clock.GetUtcNow();
            var message = new OutboxMessage
            {
                Key = $"test:{Guid.NewGuid():N}", Kind = MessageKind.Resend, Channel = channel, Recipient = recipient, Subject = subject, Body = body,
                Status = status, NextAttemptAt = nextAttemptAt ?? now, CreatedAt = now, CreatedBy = "test",
            };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

    public async Task<OutboxMessage> MessageAsync(long id) => (await OutboxAsync()).Single(m => m.Id == id);

    public Task<List<OutboxMessage>> OutboxAsync() =>
        Issuance.QueryAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    /// <summary>What an in-process SMTP server received, parsed back into MIME messages.</summary>
    public static List<MimeMessage> Received(SimpleSmtpServer smtp) =>
        [.. smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))];

    public static string To(MimeMessage m) => string.Join(",", m.To.Mailboxes.Select(a => a.Address));

    /// <summary>A TCP port nothing listens on (yet).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
