using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Tests.Api;
using CouponAdmin.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace CouponAdmin.Tests.Notifications;

/// <summary>The web host pointed at a real SMTP server in the test process through its configuration (<c>Smtp:*</c>, <c>App:BaseUrl</c>).</summary>
public sealed class SmtpHostFactory : CouponAdminFactory
{
    public SimpleSmtpServer Smtp { get; } = SimpleSmtpServer.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Configuration.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Smtp:From", "Coupons <coupons@shop.example>");
        builder.UseSetting("App:BaseUrl", "https://coupons.shop.example/");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }
}

/// <summary>
/// Messages leave on their own within seconds: the alert written inside an issuing call is picked up by the recurring
/// delivery job, and a resend queues a delivery run at once (without an SMS gateway it ends as skipped, saying why).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DeliveryInTheHostTests(SmtpHostFactory factory) : IClassFixture<SmtpHostFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task TheIssualLimitAlertReachesTheSmtpServerWithoutAnyoneRunningAJob()
    {
        var offer = await OfferAsync(o =>
        {
            o["brandPocEmails"] = new JsonArray("ops@brand.example");
            o["issual"] = JsonNode.Parse("""{ "totalLimit": 3, "notifyWhenRemaining": 1 }""");
        });

        await IssueAsync(offer);
        await IssueAsync(offer);

        await WaitAsync(() => Task.FromResult(factory.Smtp.ReceivedEmail.Any(m => m.Data.Contains($"/incentives/{offer}", StringComparison.Ordinal))));
        var mail = NotificationTestBed.Received(factory.Smtp).Single(m => m.TextBody!.Contains($"(id {offer})", StringComparison.Ordinal));
        Assert.Equal("ops@brand.example", NotificationTestBed.To(mail));
        Assert.Equal("coupons@shop.example", mail.From.Mailboxes.Single().Address);
        Assert.Contains($"Open the offer: https://coupons.shop.example/incentives/{offer}", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResendIsPickedUpAtOnceAndWithoutAGatewayEndsSkippedWithTheReason()
    {
        var offer = await OfferAsync(o => o["issual"] = JsonNode.Parse("""{ "resendSms": { "text": "Code {{coupon.code}}", "allowUnicode": false } }"""));
        var code = await IssueAsync(offer);

        var accepted = await (await _api.PostAsJsonAsync("/api/v1/coupons/resend", new { code })).ExpectAsync(HttpStatusCode.Accepted);
        var id = (long)accepted["messageId"]!;

        OutboxMessage? message = null;
        await WaitAsync(async () => (message = await MessageAsync(id)).Status == MessageStatus.Skipped);
        Assert.Equal(NoSmsGateway.Reason, message!.Note);
    }

    private async Task<long> OfferAsync(Action<JsonObject> change)
    {
        await (await _api.PutAsJsonAsync("/api/v1/org", new { timeZone = "Asia/Kolkata", baseCurrency = "INR" })).ExpectAsync(HttpStatusCode.OK);
        var body = OfferBodies.Minimal($"Host delivery {ApiTestJson.Unique()}");
        change(body);
        var id = await _api.CreateOfferAsync(body);
        await (await _api.PostAsync($"/api/v1/offers/{id}/activate", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    private async Task<string> IssueAsync(long offer)
    {
        var customer = await (await _api.PostAsJsonAsync("/api/v1/customers",
            new { mobile = $"+91{Random.Shared.NextInt64(6_000_000_000, 9_999_999_999)}", name = "Asha" })).ExpectAsync(HttpStatusCode.Created);
        var issued = await (await _api.PostAsJsonAsync($"/api/v1/offers/{offer}/issue",
            new { customer = new { type = "userId", value = ((long)customer["userId"]!).ToString(CultureInfo.InvariantCulture) } })).ExpectAsync(HttpStatusCode.OK);
        return (string)issued["code"]!;
    }

    private async Task<OutboxMessage> MessageAsync(long id)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CouponDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Nothing was delivered within {Patience.TotalSeconds} seconds.");
            await Task.Delay(200);
        }
    }
}
