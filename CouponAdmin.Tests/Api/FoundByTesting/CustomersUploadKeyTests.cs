using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CouponAdmin.Tests.Support;
using CouponAdmin.Tests.Uploads;

namespace CouponAdmin.Tests.Api.FoundByTesting;

/// <summary>
/// An org customers upload never changes another customer: the user id is the key of a row, and identifiers naming two
/// customers (or a new user id with another customer's external id) refuse the row with DUPLICATE_CUSTOMER naming both.
/// The API's registration applies the same rule.
/// </summary>
[Collection(WebCollection.Name)]
public class CustomersUploadKeyTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private const string Header = "userId,externalId,mobile,email,name,registeredOn,transactionCount";
    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task ANewUserIdWithAnotherCustomersExternalIdIsRefusedAndChangesNobody()
    {
        var external = $"REPRO-{ApiTestJson.Unique()}";
        var original = await _api.CreateCustomerAsync($$"""{ "name": "Original Name", "externalId": "{{external}}", "registeredOn": "2025-05-05" }""");
        var newUserId = original + 7_000_000;

        var (id, status) = await UploadAsync($"{Header}\n{newUserId},{external},,,Overwritten,2026-01-01,7\n");
        var issue = (await _api.IssuesAsync(id)).Single();
        var after = await (await _api.GetAsync($"/api/v1/customers/userId/{original}")).ExpectAsync(HttpStatusCode.OK);

        UploadsHttp.AssertCounts(status, "completedWithIssues", succeeded: 0, failed: 1);
        Assert.Equal("DUPLICATE_CUSTOMER", issue[3]);
        Assert.Contains($"user id {newUserId}", issue[4], StringComparison.Ordinal);
        Assert.Contains($"customer {original}", issue[4], StringComparison.Ordinal);
        Assert.Equal("Original Name", (string?)after["name"]);
        Assert.Equal("2025-05-05", (string?)after["registeredOn"]);
        Assert.Equal(0, (int?)after["transactionCount"]);
        await (await _api.GetAsync($"/api/v1/customers/userId/{newUserId}")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheApiRefusesTheSameDataWithTheSameCode()
    {
        var external = $"REPRO-{ApiTestJson.Unique()}";
        var original = await _api.CreateCustomerAsync($$"""{ "externalId": "{{external}}" }""");

        var problem = await (await _api.PostRawAsync("/api/v1/customers", $$"""{ "userId": {{original + 7_000_000}}, "externalId": "{{external}}" }"""))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "DUPLICATE_CUSTOMER");

        Assert.Contains($"customer {original}", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdentifiersOfTwoCustomersInOneRowAreRefusedNamingBoth()
    {
        var (a, b) = ($"A-{ApiTestJson.Unique()}", $"b{ApiTestJson.Unique()}@example.com");
        var first = await _api.CreateCustomerAsync($$"""{ "externalId": "{{a}}" }""");
        var second = await _api.CreateCustomerAsync($$"""{ "email": "{{b}}" }""");

        var (id, status) = await UploadAsync($"{Header}\n,{a},,{b},Merged,,\n");
        var issue = (await _api.IssuesAsync(id)).Single();

        UploadsHttp.AssertCounts(status, "completedWithIssues", succeeded: 0, failed: 1);
        Assert.Equal("DUPLICATE_CUSTOMER", issue[3]);
        Assert.Contains($"customer {first}", issue[4], StringComparison.Ordinal);
        Assert.Contains($"customer {second}", issue[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExistingUserIdUpdatesThatCustomerAndAddsANewIdentifier()
    {
        var user = await _api.CreateCustomerAsync("""{ "name": "Before" }""");
        var external = $"NEW-{ApiTestJson.Unique()}";

        var (_, status) = await UploadAsync($"{Header}\n{user},{external},,,After,,3\n");
        var after = await (await _api.GetAsync($"/api/v1/customers/externalId/{external}")).ExpectAsync(HttpStatusCode.OK);

        UploadsHttp.AssertCounts(status, "completed", succeeded: 1, failed: 0);
        Assert.Equal(user, (long)after["userId"]!);
        Assert.Equal("After", (string?)after["name"]);
        Assert.Equal(3, (int?)after["transactionCount"]);
    }

    private async Task<(long Id, System.Text.Json.Nodes.JsonNode Status)> UploadAsync(string csv)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "customers.csv");
        var accepted = await (await _api.PostAsync(new Uri("/api/v1/org/uploads?kind=customers", UriKind.Relative), form)).ExpectAsync(HttpStatusCode.Accepted);
        var id = (long)accepted["uploadId"]!;
        return (id, await _api.WaitForUploadAsync(id));
    }
}
