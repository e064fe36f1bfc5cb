using System.Text.Json.Nodes;

namespace CouponAdmin.Tests.Api;

/// <summary>Offer request bodies as a client writes them, so each test edits only the JSON it is about.</summary>
internal static class OfferBodies
{
    /// <summary>Every block of the offer body, each field set to a non-default value.</summary>
    public static JsonObject Full(string name, long? restrictByOfferId = null) => Parse($$$"""
        {
          "name": "{{{name}}}",
          "description": "Half off the summer range",
          "discount": { "type": "percentage", "value": 50, "currency": "INR", "maxAmount": 750.5 },
          "products": ["SKU-1", "SKU-2"],
          "validFrom": "2026-06-01T00:00:00+05:30",
          "validUntil": "2026-08-31T23:59:59+05:30",
          "brandPocEmails": ["ops@brand.example", "marketing@brand.example"],
          "syncToInStore": true,
          "coupon": {
            "issuedBy": "couponAdmin",
            "generation": { "method": "autoUnique", "length": 10, "alphabet": "unambiguous", "prefix": "SUM",
                            "commonCode": null, "sampleCode": null },
            "specificCustomersOnly": true,
            "expiry": { "mode": "daysFromIssual", "value": 7 }
          },
          "issual": {
            "restrictPastOfferIds": [{{{restrictByOfferId}}}],
            "maxPerCustomer": 3, "minGapDays": 2,
            "onRepeatMatch": "sendExisting",
            "totalLimit": 1000, "notifyWhenRemaining": 100,
            "resendSms": { "text": "Your code {{coupon.code}} expires {{coupon.expiry}}", "allowUnicode": false },
            "reminders": [
              { "daysBefore": 3, "channel": "sms", "at": "10:00", "text": "{{coupon.code}} expires in 3 days" },
              { "daysBefore": 1, "channel": "email", "at": "18:30", "text": "Last day for {{offer.name}}" }
            ]
          },
          "redemption": {
            "anyoneCanRedeem": true, "codeLimit": 5, "customerLimit": 2, "seriesLimit": 5000,
            "startsAt": "2026-06-02T09:00:00+05:30", "minGapDays": 1,
            "orgEntities": [ { "type": "STORE", "id": "S1" }, { "type": "ZONE", "id": "Z1" } ],
            "minBill": 500, "maxBill": 20000.5,
            "daysOfWeek": ["saturday", "sunday"], "daysOfMonth": [1, 15], "hours": [10, 11, 18],
            "newCustomers": { "registeredFrom": "2026-01-01", "registeredTo": "2026-05-31", "maxTransactions": 2 }
          }
        }
        """);

    /// <summary>The smallest valid body: the three required blocks.</summary>
    public static JsonObject Minimal(string name) => Parse($$$"""
        {
          "name": "{{{name}}}",
          "discount": { "type": "percentage", "value": 10 },
          "coupon": { "issuedBy": "couponAdmin", "generation": { "method": "autoUnique", "length": 8, "alphabet": "numeric" } }
        }
        """);

    /// <summary>A minimal offer that the series filter can find by its redemption org entities.</summary>
    public static JsonObject TaggedTo(string name, params (string Type, string Id)[] entities)
    {
        var body = Minimal(name);
        var tags = new JsonArray([.. entities.Select(e => (JsonNode)new JsonObject { ["type"] = e.Type, ["id"] = e.Id })]);
        body["redemption"] = new JsonObject { ["orgEntities"] = tags };
        return body;
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
