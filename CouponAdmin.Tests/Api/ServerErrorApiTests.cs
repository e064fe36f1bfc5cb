using System.Net;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api;

/// <summary>An unexpected failure behind an /api call still answers as the API does: a 500 problem, never a web page.</summary>
[Collection(WebCollection.Name)]
public class ServerErrorApiTests
{
    [Fact]
    public async Task AnUnexpectedFailureIsA500ProblemNotAnHtmlPage()
    {
        using var factory = new CouponAdminFactory();
        using var api = factory.CreateApiClient();
        await (await api.GetAsync("/api/v1/offers")).ExpectAsync(HttpStatusCode.OK);
        // Break the database under the running app, so that registering a customer throws.
        using (var connection = factory.OpenConnection())
        {
            using var drop = connection.CreateCommand();
            drop.CommandText = """ALTER TABLE "Customers" RENAME TO "CustomersGone" """;
            await drop.ExecuteNonQueryAsync();
        }

        var response = await api.PostRawAsync("/api/v1/customers", """{ "mobile": "+919800000042" }""");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.InternalServerError,
            $"Expected HTTP 500, got {(int)response.StatusCode} {response.Content.Headers.ContentType}: {body[..Math.Min(200, body.Length)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("INTERNAL_ERROR", (string?)System.Text.Json.Nodes.JsonNode.Parse(body)!["code"]);
    }
}
