using System.Net;
using System.Text.Json.Nodes;
using CouponAdmin.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Api;

/// <summary>
/// Every string and list of an offer body is bounded: an oversized one is a 400 under its own path whose message
/// names the limit and what was sent, and nothing is stored.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class OfferBoundsApiTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task ADescriptionOfAHundredThousandCharactersIsRefusedNamingTheLimit()
    {
        var body = OfferBodies.Full($"Long {ApiTestJson.Unique()}");
        body["description"] = new string('d', 100_000);

        var problem = await RefusedAsync(body);

        Assert.Equal(["description"], ApiTestJson.ErrorPaths(problem));
        Assert.Contains("at most 2,000 characters (got 100,000)", ApiTestJson.ErrorText(problem, "description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenThousandProductsOfAThousandCharactersAreRefusedWithOneMessage()
    {
        var body = OfferBodies.Full($"Products {ApiTestJson.Unique()}");
        body["products"] = new JsonArray([.. Enumerable.Range(0, 10_000).Select(i => (JsonNode)JsonValue.Create(i + new string('p', 995)))]);

        var problem = await RefusedAsync(body);

        Assert.Equal(["products"], ApiTestJson.ErrorPaths(problem));
        Assert.Contains("at most 1,000 products (got 10,000)", ApiTestJson.ErrorText(problem, "products"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("products[0]", "at most 64 characters (got 65)")]
    [InlineData("brandPocEmails", "at most 20 e-mail addresses (got 21)")]
    [InlineData("brandPocEmails[1]", "not a valid e-mail address")]
    [InlineData("discount.currency", "at most 3 characters (got 4)")]
    [InlineData("coupon.generation.commonCode", "at most 30 characters (got 31)")]
    [InlineData("issual.restrictPastOfferIds", "at most 100 offers (got 101)")]
    [InlineData("issual.resendSms.text", "at most 480 characters (got 481)")]
    [InlineData("issual.reminders", "at most 10 reminders (got 11)")]
    [InlineData("issual.reminders[0].text", "at most 1,000 characters (got 1,001)")]
    [InlineData("redemption.orgEntities", "at most 10,000 stores, tills, zones or concepts (got 10,001)")]
    [InlineData("redemption.orgEntities[0].id", "at most 64 characters (got 65)")]
    [InlineData("redemption.daysOfWeek", "at most 7 days of the week (got 8)")]
    [InlineData("redemption.daysOfMonth", "at most 31 days of the month (got 32)")]
    [InlineData("redemption.hours", "at most 24 hours (got 25)")]
    public async Task EachOversizedSettingIsRefusedAtItsPathNamingTheLimit(string path, string message)
    {
        var body = OfferBodies.Full($"Bounds {ApiTestJson.Unique()}");
        Oversize(body, path);

        var problem = await RefusedAsync(body);

        Assert.Contains(path, ApiTestJson.ErrorPaths(problem));
        Assert.Contains(message, ApiTestJson.ErrorText(problem, path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsAtTheirLimitsAreAccepted()
    {
        var body = OfferBodies.Full($"At the limits {ApiTestJson.Unique()}");
        body["description"] = new string('d', 2_000);
        body["products"] = Strings(1_000, i => $"SKU-{i}".PadRight(64, 'x'));
        body["brandPocEmails"] = Strings(20, i => $"poc{i}@brand.example");
        body["redemption"]!["orgEntities"] = new JsonArray([.. Enumerable.Range(0, 10_000)
            .Select(i => (JsonNode)new JsonObject { ["type"] = "CONCEPT", ["id"] = $"C{i}".PadRight(64, 'c') })]);
        body["issual"]!["resendSms"]!["text"] = new string('a', 480);
        // The largest valid offer fits comfortably in the 2 MB an API body may have.
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(body.ToJsonString()), 0, 1_500_000);

        await (await _api.PostNodeAsync("/api/v1/offers", body)).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsRefusedAsAnUnsupportedMediaTypeNamingWhatWasSent()
    {
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "text/plain");

        var response = await _api.PostAsync("/api/v1/offers", content);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        Assert.Contains("text/plain", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJsonBodyOverTwoMegabytesIsRefusedBeforeItIsRead()
    {
        var body = OfferBodies.Full($"Huge {ApiTestJson.Unique()}");
        body["description"] = new string('d', 3_000_000);
        // The in-memory test server has no body-size limit of its own: this runs on Kestrel, as production does.
        using var kestrel = new CouponAdminFactory();
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var address = kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var api = new HttpClient { BaseAddress = new Uri(address) };
        api.DefaultRequestHeaders.Add("X-Api-Key", CouponAdminFactory.ApiKey);

        var response = await api.PostNodeAsync("/api/v1/offers", body);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, "REQUEST_TOO_LARGE");
        Assert.Contains("2 MB", (string?)problem["detail"], StringComparison.Ordinal);
    }

    private async Task<JsonNode> RefusedAsync(JsonObject body)
    {
        var before = (await _api.GetAsync("/api/v1/offers?take=1")).Headers.GetValues("X-Total-Count").Single();
        var problem = await (await _api.PostNodeAsync("/api/v1/offers", body)).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(before, (await _api.GetAsync("/api/v1/offers?take=1")).Headers.GetValues("X-Total-Count").Single());
        return problem;
    }

    private static void Oversize(JsonObject body, string path)
    {
        var issual = body["issual"]!.AsObject();
        var redemption = body["redemption"]!.AsObject();
        switch (path)
        {
            case "products[0]": body["products"] = Strings(1, _ => new string('p', 65)); break;
            case "brandPocEmails": body["brandPocEmails"] = Strings(21, i => $"poc{i}@brand.example"); break;
            case "brandPocEmails[1]": body["brandPocEmails"] = Strings(2, i => i == 0 ? "ok@brand.example" : "not an address"); break;
            case "discount.currency": body["discount"]!["currency"] = "INRX"; break;
            case "coupon.generation.commonCode": body["coupon"]!["generation"]!["commonCode"] = new string('C', 31); break;
            case "issual.restrictPastOfferIds": issual["restrictPastOfferIds"] = new JsonArray([.. Enumerable.Range(1, 101).Select(i => (JsonNode)JsonValue.Create((long)i))]); break;
            case "issual.resendSms.text": issual["resendSms"]!["text"] = new string('a', 481); break;
            case "issual.reminders":
                issual["reminders"] = new JsonArray([.. Enumerable.Range(0, 11).Select(i => (JsonNode)new JsonObject { ["daysBefore"] = i, ["channel"] = "sms", ["at"] = "10:00", ["text"] = "Soon" })]);
                break;
            case "issual.reminders[0].text": issual["reminders"]![0]!["text"] = new string('r', 1_001); break;
            case "redemption.orgEntities":
                redemption["orgEntities"] = new JsonArray([.. Enumerable.Range(0, 10_001).Select(i => (JsonNode)new JsonObject { ["type"] = "STORE", ["id"] = $"S{i}" })]);
                break;
            case "redemption.orgEntities[0].id": redemption["orgEntities"]![0]!["id"] = new string('S', 65); break;
            case "redemption.daysOfWeek": redemption["daysOfWeek"] = Strings(8, i => ((DayOfWeek)(i % 7)).ToString().ToLowerInvariant()); break;
            case "redemption.daysOfMonth": redemption["daysOfMonth"] = new JsonArray([.. Enumerable.Range(0, 32).Select(i => (JsonNode)JsonValue.Create(i % 31 + 1))]); break;
            case "redemption.hours": redemption["hours"] = new JsonArray([.. Enumerable.Range(0, 25).Select(i => (JsonNode)JsonValue.Create(i % 24))]); break;
            default: throw new ArgumentOutOfRangeException(nameof(path), path, null);
        }
    }

    private static JsonArray Strings(int count, Func<int, string> value) =>
        new([.. Enumerable.Range(0, count).Select(i => (JsonNode)JsonValue.Create(value(i)))]);
}
