using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CouponAdmin.Core.Access;
using CouponAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Issuance;

/// <summary>POST /api/v1/offers/{id}/issue and the coupon look-ups, over HTTP against the real host.</summary>
[Collection(WebCollection.Name)]
public sealed class IssueApiTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);
    private static readonly string[] Products = ["SKU-1"];
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task AnIssuedCouponComesBackWithItsCodeExpiryAndStatus()
    {
        var offerId = await ActiveOfferAsync(maxPerCustomer: 1);
        var userId = await CustomerAsync();

        var response = await IssueAsync(_api, offerId, userId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = body.GetProperty("code").GetString();
        Assert.Matches("^[0-9A-Z]{8}$", code);
        Assert.Equal(offerId, body.GetProperty("offerId").GetInt64());
        Assert.Equal("issued", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("existing").GetBoolean());
        Assert.Equal("userId", body.GetProperty("customer").GetProperty("type").GetString());
        Assert.Equal(userId.ToString(CultureInfo.InvariantCulture), body.GetProperty("customer").GetProperty("value").GetString());

        // Thirty days from issual, at the end of that day in the org's zone (Asia/Kolkata).
        var issuedAt = body.GetProperty("issuedAt").GetDateTimeOffset();
        var expiresAt = body.GetProperty("expiresAt").GetDateTimeOffset();
        var issueDate = DateOnly.FromDateTime(issuedAt.ToOffset(Ist).DateTime);
        Assert.Equal(new DateTimeOffset(issueDate.AddDays(30).ToDateTime(new TimeOnly(23, 59, 59)), Ist), expiresAt);
    }

    [Fact]
    public async Task ASecondIssualBeyondTheMaximumIsRefusedWithTheRuleCode()
    {
        var offerId = await ActiveOfferAsync(maxPerCustomer: 1);
        var userId = await CustomerAsync();
        Assert.Equal(HttpStatusCode.OK, (await IssueAsync(_api, offerId, userId)).StatusCode);

        var second = await IssueAsync(_api, offerId, userId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("MAX_ISSUALS_PER_CUSTOMER_EXCEEDED", problem.GetProperty("code").GetString());
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task AnIssuedCouponIsFoundByItsCodeHoweverItIsTyped()
    {
        var offerId = await ActiveOfferAsync(maxPerCustomer: 1);
        var userId = await CustomerAsync();
        var code = await IssuedCodeAsync(offerId, userId);
        var typed = string.Join("-", code.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

        foreach (var asTyped in new[] { code, typed })
        {
            var response = await _api.GetAsync(new Uri($"/api/v1/coupons/{asTyped}", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var coupon = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(code, coupon.GetProperty("code").GetString());
            Assert.Equal("issued", coupon.GetProperty("status").GetString());
            Assert.False(coupon.GetProperty("isReversed").GetBoolean());
            Assert.Equal(offerId, coupon.GetProperty("offerId").GetInt64());
            Assert.Equal(userId.ToString(CultureInfo.InvariantCulture), coupon.GetProperty("customer").GetProperty("value").GetString());
            Assert.Equal(JsonValueKind.String, coupon.GetProperty("lastStatusChangeOn").ValueKind);
        }
    }

    [Fact]
    public async Task TheCustomersCouponsListTheIssuedOne()
    {
        var offerId = await ActiveOfferAsync(maxPerCustomer: 1);
        var userId = await CustomerAsync();
        var code = await IssuedCodeAsync(offerId, userId);

        var response = await _api.GetAsync(new Uri($"/api/v1/customers/userId/{userId}/coupons", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var coupons = await response.Content.ReadFromJsonAsync<JsonElement>();
        var only = Assert.Single(coupons.EnumerateArray());
        Assert.Equal(code, only.GetProperty("code").GetString());
        Assert.Equal("issued", only.GetProperty("status").GetString());
        Assert.False(only.GetProperty("isReversed").GetBoolean());
    }

    [Fact]
    public async Task AnUnknownCodeIsNotFound()
    {
        var response = await _api.GetAsync(new Uri("/api/v1/coupons/NOSUCHCODE99", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("COUPON_NOT_FOUND", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnUnknownCustomersCouponsAreNotFound()
    {
        var response = await _api.GetAsync(new Uri("/api/v1/customers/email/nobody@shop.example/coupons", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("CUSTOMER_NOT_FOUND", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AMalformedCustomerIdentifierIsABadRequest()
    {
        var offerId = await ActiveOfferAsync(maxPerCustomer: null);

        var response = await _api.PostAsJsonAsync($"/api/v1/offers/{offerId}/issue", new { customer = new { type = "email", value = "not-an-email" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("INVALID_CUSTOMER_IDENTIFIER", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task IssuingFromAnUnknownOfferIsNotFound()
    {
        var userId = await CustomerAsync();

        var response = await IssueAsync(_api, 9_999_999, userId);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("OFFER_NOT_FOUND", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ARedeemOnlyKeyCannotIssueButCanLookUpACoupon()
    {
        var offerId = await ActiveOfferAsync(maxPerCustomer: null);
        var userId = await CustomerAsync();
        var code = await IssuedCodeAsync(offerId, userId);
        var redeemKey = await factory.Services.GetRequiredService<ApiKeyService>().CreateAsync("POS till 1", [ApiScopes.Redeem]);
        using var pos = factory.CreateApiClient(redeemKey.Value);

        var issue = await IssueAsync(pos, offerId, userId);
        var lookUp = await pos.GetAsync(new Uri($"/api/v1/coupons/{code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, issue.StatusCode);
        Assert.Equal("FORBIDDEN", (await issue.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, lookUp.StatusCode);
        var held = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/customers/userId/{userId}/coupons");
        Assert.Single(held.EnumerateArray());
    }

    [Fact]
    public async Task AnIssueCallWithoutAKeyIsUnauthorized()
    {
        var offerId = await ActiveOfferAsync(maxPerCustomer: null);
        var userId = await CustomerAsync();
        using var anonymous = factory.CreateApiClient(apiKey: null);

        var response = await IssueAsync(anonymous, offerId, userId);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Task<HttpResponseMessage> IssueAsync(HttpClient client, long offerId, long userId) =>
        client.PostAsJsonAsync($"/api/v1/offers/{offerId}/issue",
            new { customer = new { type = "userId", value = userId.ToString(CultureInfo.InvariantCulture) } });

    private async Task<string> IssuedCodeAsync(long offerId, long userId)
    {
        var response = await IssueAsync(_api, offerId, userId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private async Task<long> CustomerAsync()
    {
        var response = await _api.PostAsJsonAsync("/api/v1/customers", new { name = "API customer" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetInt64();
    }

    private async Task<long> ActiveOfferAsync(int? maxPerCustomer)
    {
        var org = await _api.PutAsJsonAsync("/api/v1/org", new { timeZone = "Asia/Kolkata", baseCurrency = "INR" });
        Assert.Equal(HttpStatusCode.OK, org.StatusCode);

        var created = await _api.PostAsJsonAsync("/api/v1/offers", new
        {
            name = "API issue test",
            discount = new { type = "percentage", value = 10 },
            products = Products,
            coupon = new
            {
                issuedBy = "couponAdmin",
                generation = new { method = "autoUnique", length = 8, alphabet = "alphanumeric" },
                expiry = new { mode = "daysFromIssual", value = 30 },
            },
            issual = new { maxPerCustomer },
            redemption = new { customerLimit = 1 },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var activated = await _api.PostAsync(new Uri($"/api/v1/offers/{id}/activate", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        return id;
    }
}
