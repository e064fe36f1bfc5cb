using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CouponAdmin.Tests.Api.Redemption;

/// <summary>Set-up and redemption calls as a POS writes them: customers, an active offer, issued coupons, raw JSON bodies.</summary>
internal static class RedemptionSetup
{
    public static async Task UseIndianOrgAsync(this HttpClient api) =>
        await (await api.PutAsJsonAsync("/api/v1/org", new { timeZone = "Asia/Kolkata", baseCurrency = "INR" })).ExpectAsync(HttpStatusCode.OK);

    public static async Task<long> CreateCustomerAsync(this HttpClient api)
    {
        var created = await (await api.PostAsJsonAsync("/api/v1/customers", new { name = $"Redeemer {ApiTestJson.Unique()}" })).ExpectAsync(HttpStatusCode.Created);
        return (long)created["userId"]!;
    }

    /// <summary>An active auto-unique offer, 10 % off, with the given <c>redemption</c> block.</summary>
    public static async Task<long> ActiveOfferAsync(this HttpClient api, string redemption, string discount = """{ "type": "percentage", "value": 10 }""")
    {
        var body = JsonNode.Parse($$"""
            {
              "name": "Redemption {{ApiTestJson.Unique()}}",
              "discount": {{discount}},
              "coupon": {
                "issuedBy": "couponAdmin",
                "generation": { "method": "autoUnique", "length": 12, "alphabet": "alphanumeric" },
                "expiry": { "mode": "daysFromIssual", "value": 30 }
              },
              "issual": { "maxPerCustomer": null },
              "redemption": {{redemption}}
            }
            """)!;
        var id = await api.CreateOfferAsync(body);
        await (await api.PostAsync(new Uri($"/api/v1/offers/{id}/activate", UriKind.Relative), null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    public static async Task<string> IssueAsync(this HttpClient api, long offerId, long userId)
    {
        var issued = await (await api.PostAsJsonAsync($"/api/v1/offers/{offerId}/issue", new { customer = Customer(userId) })).ExpectAsync(HttpStatusCode.OK);
        return (string)issued["code"]!;
    }

    public static JsonObject Customer(long userId) =>
        new() { ["type"] = "userId", ["value"] = userId.ToString(CultureInfo.InvariantCulture) };

    public static JsonObject RedeemBody(string code, long userId, string? transactionId = null, decimal billAmount = 1200m) => new()
    {
        ["code"] = code,
        ["customer"] = Customer(userId),
        ["billAmount"] = billAmount,
        ["transactionId"] = transactionId ?? $"T-{ApiTestJson.Unique()}",
    };

    public static async Task<HttpResponseMessage> RedeemAsync(this HttpClient api, JsonNode body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/coupons/redeem", UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await api.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ValidateAsync(this HttpClient api, JsonNode body) => api.PostNodeAsync("/api/v1/coupons/validate", body);

    public static Task<HttpResponseMessage> ReverseAsync(this HttpClient api, long redemptionId) =>
        api.PostAsync(new Uri($"/api/v1/redemptions/{redemptionId}/reverse", UriKind.Relative), null);

    public static async Task<JsonNode> CouponAsync(this HttpClient api, string code) =>
        await (await api.GetAsync(new Uri($"/api/v1/coupons/{code}", UriKind.Relative))).ExpectAsync(HttpStatusCode.OK);

    /// <summary>The status and parsed body, without asserting either.</summary>
    public static async Task<(HttpStatusCode Status, JsonNode Body)> ReadAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }
}
