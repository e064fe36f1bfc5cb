using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Tests.Api;
using CouponAdmin.Tests.Support;
using CouponAdmin.Tests.Uploads;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CouponAdmin.Tests.Notifications;

/// <summary>The web host on a fake clock, so coupons can expire and the hourly resend window can pass within a test.</summary>
public sealed class FakeClockFactory : CouponAdminFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary><c>POST /api/v1/coupons/resend</c> over HTTP: 202 with the outbox message, and each refusal with its own code.</summary>
[Collection(WebCollection.Name)]
public sealed class ResendApiTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private const string ResendText = "Hi {{customer.name}}, your {{offer.name}} code is {{coupon.code}}";
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task ResendingAnIssuedCouponQueuesTheOffersTextForTheHoldersMobile()
    {
        var offer = await OfferAsync();
        var mobile = UniqueMobile();
        var code = await IssueAsync(offer, await CustomerAsync(mobile));

        var body = await (await ResendAsync(code)).ExpectAsync(HttpStatusCode.Accepted);

        var message = await MessageAsync((long)body["messageId"]!);
        Assert.Equal((MessageKind.Resend, MessageChannel.Sms, mobile), (message.Kind, message.Channel, message.Recipient));
        Assert.Equal($"Hi Asha, your Resend test code is {code}", message.Body);
        Assert.StartsWith("api-key:", message.CreatedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCodeIsNotFound()
    {
        await (await ResendAsync("NO-SUCH-CODE")).ExpectProblemAsync(HttpStatusCode.NotFound, "COUPON_NOT_FOUND");
    }

    [Fact]
    public async Task ABodyWithoutACodeIsRefusedAtTheField()
    {
        var problem = await (await _api.PostRawAsync("/api/v1/coupons/resend", "{}")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["code"], ApiTestJson.ErrorPaths(problem));
    }

    [Fact]
    public async Task AnOfferWithoutAResendTextIsRefusedWithResendNotConfigured()
    {
        var offer = await OfferAsync(resendText: null);
        var code = await IssueAsync(offer, await CustomerAsync(UniqueMobile()));

        var problem = await (await ResendAsync(code)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "RESEND_NOT_CONFIGURED");
        Assert.Contains($"Offer {offer}", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedCouponIsRefusedWithResendNotAvailable()
    {
        var offer = await OfferAsync();
        var code = await IssueAsync(offer, await CustomerAsync(UniqueMobile()));
        await (await _api.PostAsJsonAsync($"/api/v1/offers/{offer}/revoke", new { mode = "allUnredeemed" })).ExpectAsync(HttpStatusCode.OK);

        var problem = await (await ResendAsync(code)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "RESEND_NOT_AVAILABLE");
        Assert.Contains("revoked", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredCouponIsRefusedWithResendNotAvailable()
    {
        var offer = await OfferAsync();
        var code = await IssueAsync(offer, await CustomerAsync(UniqueMobile()));
        factory.Clock.Advance(TimeSpan.FromDays(3));

        var problem = await (await ResendAsync(code)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "RESEND_NOT_AVAILABLE");
        Assert.Contains("expired", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThirdPartyCouponIsRefusedWithResendNotAvailable()
    {
        var body = OfferBodies.Minimal($"Third party {ApiTestJson.Unique()}");
        body["coupon"] = JsonNode.Parse("""{ "issuedBy": "thirdParty", "generation": { "method": "uploaded" } }""");
        body["redemption"] = JsonNode.Parse("""{ "customerLimit": 1 }""");
        var offer = await _api.CreateOfferAsync(body);
        var code = $"TP{ApiTestJson.Unique()}".ToUpperInvariant();
        var upload = await (await _api.PostFileAsync(offer, $"code\n{code}\n", kind: "codes")).ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal("completed", (string?)(await _api.WaitForUploadAsync((long)upload["uploadId"]!))["status"]);

        var problem = await (await ResendAsync(code)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "RESEND_NOT_AVAILABLE");
        Assert.Contains("third party", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHolderWithoutAMobileIsRefusedWithNoMobile()
    {
        var offer = await OfferAsync();
        var code = await IssueAsync(offer, await CustomerAsync(mobile: null));

        await (await ResendAsync(code)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "NO_MOBILE");
    }

    [Fact]
    public async Task TheFourthResendWithinAnHourIsTooManyAndTheNextHourAllowsMore()
    {
        var offer = await OfferAsync();
        var code = await IssueAsync(offer, await CustomerAsync(UniqueMobile()));

        for (var i = 0; i < 3; i++)
        {
            await (await ResendAsync(code)).ExpectAsync(HttpStatusCode.Accepted);
            factory.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var problem = await (await ResendAsync(code)).ExpectProblemAsync(HttpStatusCode.TooManyRequests, "RESEND_LIMIT_REACHED");
        Assert.Contains(code, (string?)problem["detail"], StringComparison.Ordinal);
        // The first resend was 30 minutes ago; 31 minutes on, it is more than an hour old.
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        await (await ResendAsync(code)).ExpectAsync(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task ARepeatedRequestWithTheSameIdempotencyKeyAnswersTheSameMessage()
    {
        var offer = await OfferAsync();
        var code = await IssueAsync(offer, await CustomerAsync(UniqueMobile()));

        var first = await (await ResendAsync(code, "retry-1")).ExpectAsync(HttpStatusCode.Accepted);
        var second = await (await ResendAsync(code, "retry-1")).ExpectAsync(HttpStatusCode.Accepted);

        Assert.Equal((long)first["messageId"]!, (long)second["messageId"]!);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CouponDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Key.StartsWith("resend:") && m.Body.Contains(code)));
    }

    private Task<HttpResponseMessage> ResendAsync(string code, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/coupons/resend") { Content = JsonContent.Create(new { code }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return _api.SendAsync(request);
    }

    private async Task<long> OfferAsync(string? resendText = ResendText)
    {
        await (await _api.PutAsJsonAsync("/api/v1/org", new { timeZone = "Asia/Kolkata", baseCurrency = "INR" })).ExpectAsync(HttpStatusCode.OK);
        var body = OfferBodies.Minimal("Resend test");
        body["coupon"]!["expiry"] = JsonNode.Parse("""{ "mode": "daysFromIssual", "value": 1 }""");
        if (resendText is not null)
        {
            body["issual"] = new JsonObject { ["resendSms"] = new JsonObject { ["text"] = resendText, ["allowUnicode"] = false } };
        }

        var id = await _api.CreateOfferAsync(body);
        await (await _api.PostAsync($"/api/v1/offers/{id}/activate", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    private async Task<long> CustomerAsync(string? mobile)
    {
        var created = await (await _api.PostAsJsonAsync("/api/v1/customers", new { mobile, email = $"{ApiTestJson.Unique()}@shop.example", name = "Asha" }))
            .ExpectAsync(HttpStatusCode.Created);
        return (long)created["userId"]!;
    }

    private async Task<string> IssueAsync(long offer, long userId)
    {
        var issued = await (await _api.PostAsJsonAsync($"/api/v1/offers/{offer}/issue",
            new { customer = new { type = "userId", value = userId.ToString(CultureInfo.InvariantCulture) } })).ExpectAsync(HttpStatusCode.OK);
        return (string)issued["code"]!;
    }

    private async Task<OutboxMessage> MessageAsync(long id)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CouponDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static string UniqueMobile() => $"+91{Random.Shared.NextInt64(6_000_000_000, 9_999_999_999)}";
}
