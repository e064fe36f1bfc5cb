using System.Net;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Notifications;

/// <summary>
/// SMS delivery against a gateway running in the test process, through the host's own registration (the factory's
/// HttpClient with its resilience handler): the JSON body, the bearer token, the unicode flag, and what each answer means.
/// </summary>
public sealed class SmsGatewayTests : IAsyncLifetime
{
    private const string Token = "gateway-token-123";
    private static readonly string MailFolder = Path.Combine(Path.GetTempPath(), "couponadmin-sms-tests-mail");
    private readonly NotificationTestBed _bed = new();
    private FakeSmsGateway _gateway = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        await _bed.InitializeAsync();
        _gateway = await FakeSmsGateway.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sms:GatewayUrl"] = _gateway.Url,
            ["Sms:Token"] = Token,
            ["Notifications:MailFolder"] = MailFolder,
        }).Build();
        _services = new ServiceCollection().AddLogging().AddCouponAdminNotifications(configuration, Path.GetTempPath()).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _gateway.DisposeAsync();
        await _bed.DisposeAsync();
    }

    private Task<DeliveryReport> DeliverAsync() =>
        _bed.Delivery(new EmlFileTransport(new SmtpOptions(), _bed.Issuance.Clock), _services.GetRequiredService<ISmsGateway>()).RunAsync();

    [Fact]
    public async Task EachSmsIsOnePostWithTheNumberTextUnicodeFlagReferenceAndBearerToken()
    {
        var plain = await _bed.AddMessageAsync(MessageChannel.Sms, "+919800000001", "Your code ABC123 is valid until 15 Nov 2025 23:59 (UTC+05:30)");
        var hindi = await _bed.AddMessageAsync(MessageChannel.Sms, "+919800000002", "आपका कोड ABC124 है");

        var report = await DeliverAsync();

        Assert.Equal(2, report.Sent);
        var requests = _gateway.Requests.OrderBy(r => r.Reference, StringComparer.Ordinal).ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal($"Bearer {Token}", r.Authorization));
        Assert.Equal(("+919800000001", "Your code ABC123 is valid until 15 Nov 2025 23:59 (UTC+05:30)", false, plain.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (requests[0].To, requests[0].Text, requests[0].Unicode, requests[0].Reference));
        Assert.Equal(("+919800000002", "आपका कोड ABC124 है", true, hindi.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (requests[1].To, requests[1].Text, requests[1].Unicode, requests[1].Reference));
        var sent = await _bed.MessageAsync(plain);
        Assert.Equal((MessageStatus.Sent, 1), (sent.Status, sent.Attempts));
        Assert.StartsWith("Accepted by the SMS gateway (HTTP 202)", sent.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestTheGatewayRefusesAsWrongFailsAtOnceWithItsAnswer()
    {
        _gateway.Answers.Enqueue(HttpStatusCode.BadRequest);
        var id = await _bed.AddMessageAsync(MessageChannel.Sms, "+919800000001", "Hello");

        var report = await DeliverAsync();

        Assert.Equal(1, report.Failed);
        var message = await _bed.MessageAsync(id);
        Assert.Equal((MessageStatus.Failed, 1), (message.Status, message.Attempts));
        Assert.StartsWith("The SMS gateway answered HTTP 400", message.LastError, StringComparison.Ordinal);
        Assert.Single(_gateway.Requests);
    }

    [Fact]
    public async Task AServerErrorIsNotRepeatedWithinTheAttemptButRetriedByTheOutboxLater()
    {
        _gateway.Answers.Enqueue(HttpStatusCode.InternalServerError);
        var id = await _bed.AddMessageAsync(MessageChannel.Sms, "+919800000001", "Hello");

        var first = await DeliverAsync();
        _bed.Issuance.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await DeliverAsync();

        Assert.Equal((1, 1), (first.Retrying, second.Sent));
        Assert.Equal(2, _gateway.Requests.Count);
        var message = await _bed.MessageAsync(id);
        Assert.Equal((MessageStatus.Sent, 2), (message.Status, message.Attempts));
        Assert.StartsWith("The SMS gateway answered HTTP 500", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGatewaySayingItIsBusyIsAskedAgainWithinTheSameAttempt()
    {
        _gateway.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);
        var id = await _bed.AddMessageAsync(MessageChannel.Sms, "+919800000001", "Hello");

        var report = await DeliverAsync();

        Assert.Equal(1, report.Sent);
        Assert.Equal(2, _gateway.Requests.Count);
        Assert.Equal((MessageStatus.Sent, 1), ((await _bed.MessageAsync(id)).Status, (await _bed.MessageAsync(id)).Attempts));
    }

    [Fact]
    public async Task WithoutAGatewaySmsStayInTheOutboxAsSkippedWithTheReason()
    {
        var id = await _bed.AddMessageAsync(MessageChannel.Sms, "+919800000001", "Hello");
        var noGateway = new ServiceCollection().AddLogging()
            .AddCouponAdminNotifications(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Notifications:MailFolder"] = MailFolder }).Build(),
                Path.GetTempPath()).BuildServiceProvider();

        var report = await _bed.Delivery(new EmlFileTransport(new SmtpOptions(), _bed.Issuance.Clock), noGateway.GetRequiredService<ISmsGateway>()).RunAsync();

        Assert.Equal(1, report.Skipped);
        var message = await _bed.MessageAsync(id);
        Assert.Equal((MessageStatus.Skipped, 0), (message.Status, message.Attempts));
        Assert.Equal(NoSmsGateway.Reason, message.Note);
        await noGateway.DisposeAsync();
    }
}
