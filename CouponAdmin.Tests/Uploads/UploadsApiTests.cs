using System.Net;
using System.Text;
using CouponAdmin.Core.Access;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Uploads;
using CouponAdmin.Tests.Api;
using CouponAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Uploads;

/// <summary>
/// Uploads over real HTTP: the seed's four scenarios of "Issue Multiple Coupon Codes to a Customer" driven from
/// files, the issue and success reports, the refusals of bad files and the admin scope.
/// </summary>
[Collection(WebCollection.Name)]
public class UploadsApiTests(SmallUploadsFactory factory) : IClassFixture<SmallUploadsFactory>
{
    private readonly HttpClient _api = factory.CreateApiClient();

    // ---- The seed's scenarios ----

    [Fact]
    public async Task MaxThreePerCustomerFourRowsIssueThreeTheSameFileAgainFourErrorsOneRowOneError()
    {
        var offer = await _api.ActiveOfferAsync("""{ "maxPerCustomer": 3 }""");
        var user = await _api.CreateCustomerAsync();

        var (first, firstStatus) = await _api.UploadAndWaitAsync(offer, UploadsHttp.Rows(user, 4));
        var (again, againStatus) = await _api.UploadAndWaitAsync(offer, UploadsHttp.Rows(user, 4));
        var (once, onceStatus) = await _api.UploadAndWaitAsync(offer, UploadsHttp.Rows(user, 1));

        UploadsHttp.AssertCounts(firstStatus, "completedWithIssues", succeeded: 3, failed: 1);
        AssertIssues(await _api.IssuesAsync(first), user, "MAX_ISSUALS_PER_CUSTOMER_EXCEEDED", 5);
        Assert.Equal(["2", "3", "4"], (await _api.IssuedAsync(first)).Select(r => r[0]));
        UploadsHttp.AssertCounts(againStatus, "completedWithIssues", succeeded: 0, failed: 4);
        AssertIssues(await _api.IssuesAsync(again), user, "MAX_ISSUALS_PER_CUSTOMER_EXCEEDED", 2, 3, 4, 5);
        Assert.Empty(await _api.IssuedAsync(again));
        UploadsHttp.AssertCounts(onceStatus, "completedWithIssues", succeeded: 0, failed: 1);
        AssertIssues(await _api.IssuesAsync(once), user, "MAX_ISSUALS_PER_CUSTOMER_EXCEEDED", 2);
        Assert.Equal(3, await CouponCountAsync(offer));
    }

    [Fact]
    public async Task AOneDayMinimumGapLetsOneOfFourRowsThrough()
    {
        var offer = await _api.ActiveOfferAsync("""{ "maxPerCustomer": 3, "minGapDays": 1 }""");
        var user = await _api.CreateCustomerAsync();

        var (id, status) = await _api.UploadAndWaitAsync(offer, UploadsHttp.Rows(user, 4));

        UploadsHttp.AssertCounts(status, "completedWithIssues", succeeded: 1, failed: 3);
        AssertIssues(await _api.IssuesAsync(id), user, "MIN_ISSUAL_GAP_NOT_MET", 3, 4, 5);
        Assert.Equal(1, await CouponCountAsync(offer));
    }

    [Fact]
    public async Task ASeriesLimitOfTwoIssuesTwoOfFourRows()
    {
        var offer = await _api.ActiveOfferAsync("""{ "totalLimit": 2 }""");
        var user = await _api.CreateCustomerAsync();

        var (id, status) = await _api.UploadAndWaitAsync(offer, UploadsHttp.Rows(user, 4));

        UploadsHttp.AssertCounts(status, "completedWithIssues", succeeded: 2, failed: 2);
        AssertIssues(await _api.IssuesAsync(id), user, "SERIES_ISSUAL_LIMIT_EXCEEDED", 4, 5);
        Assert.Equal(2, await CouponCountAsync(offer));
    }

    [Fact]
    public async Task AGenericCodeGoesOnceToACustomerAndTheSameFileAgainIsRefusedEntirely()
    {
        var code = $"GEN{ApiTestJson.Unique()}".ToUpperInvariant();
        var offer = await _api.ActiveOfferAsync(generation: $$"""{ "method": "common", "commonCode": "{{code}}" }""");
        var user = await _api.CreateCustomerAsync();

        var (first, firstStatus) = await _api.UploadAndWaitAsync(offer, UploadsHttp.Rows(user, 4));
        var (again, againStatus) = await _api.UploadAndWaitAsync(offer, UploadsHttp.Rows(user, 4));

        UploadsHttp.AssertCounts(firstStatus, "completedWithIssues", succeeded: 1, failed: 3);
        AssertIssues(await _api.IssuesAsync(first), user, "GENERIC_ALREADY_ISSUED", 3, 4, 5);
        Assert.Equal([["2", user.ToString(System.Globalization.CultureInfo.InvariantCulture), code]], await _api.IssuedAsync(first));
        UploadsHttp.AssertCounts(againStatus, "completedWithIssues", succeeded: 0, failed: 4);
        AssertIssues(await _api.IssuesAsync(again), user, "GENERIC_ALREADY_ISSUED", 2, 3, 4, 5);
        Assert.Equal(1, await CouponCountAsync(offer));
    }

    [Fact]
    public async Task AFileWithoutProblemsIsCompletedAndItsIssueReportHasOnlyTheHeader()
    {
        var offer = await _api.ActiveOfferAsync();
        var user = await _api.CreateCustomerAsync();

        var (id, status) = await _api.UploadAndWaitAsync(offer, UploadsHttp.Rows(user, 2));

        UploadsHttp.AssertCounts(status, "completed", succeeded: 2, failed: 0);
        Assert.Empty(await _api.IssuesAsync(id));
        Assert.Equal(2, await CouponCountAsync(offer));
    }

    // ---- Dry run ----

    [Fact]
    public async Task ADryRunReportsTheIssuesOfARealRunAndIssuesNothing()
    {
        var offer = await _api.ActiveOfferAsync("""{ "maxPerCustomer": 3, "totalLimit": 4 }""");
        var a = await _api.CreateCustomerAsync();
        var b = await _api.CreateCustomerAsync();
        var csv = $"identifierType,identifier\nuserId,{a}\nuserId,{a}\nuserId,{b}\nuserId,{a}\nuserId,{a}\nuserId,{b}\nuserId,999999999\n";

        var (dry, dryStatus) = await _api.UploadAndWaitAsync(offer, csv, dryRun: true);
        var afterDryRun = await CouponCountAsync(offer);
        var (real, realStatus) = await _api.UploadAndWaitAsync(offer, csv);

        Assert.True((bool)dryStatus["dryRun"]!);
        Assert.Equal(0, afterDryRun);
        Assert.Empty(await _api.IssuedAsync(dry));
        UploadsHttp.AssertCounts(realStatus, "completedWithIssues", succeeded: 4, failed: 3);
        UploadsHttp.AssertCounts(dryStatus, "completedWithIssues", succeeded: 4, failed: 3);
        var realIssues = await _api.IssuesAsync(real);
        Assert.Equal(
            [("6", "MAX_ISSUALS_PER_CUSTOMER_EXCEEDED"), ("7", "SERIES_ISSUAL_LIMIT_EXCEEDED"), ("8", "CUSTOMER_NOT_FOUND")],
            realIssues.Select(r => (r[0], r[3])));
        Assert.Equal(realIssues.Select(r => string.Join('|', r)), (await _api.IssuesAsync(dry)).Select(r => string.Join('|', r)));
        Assert.Equal(4, await CouponCountAsync(offer));
    }

    // ---- Reports ----

    [Fact]
    public async Task IssueReportCellsThatCouldRunAsFormulasComeBackAsText()
    {
        var offer = await _api.ActiveOfferAsync();
        string[] identifiers = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1", "-1", "@x", "=1+2"];
        var csv = "identifierType,identifier\n" + string.Concat(identifiers.Select(i => $"externalId,\"{i.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n"))
            + "userId,+5\nemail,@x\n";

        var (id, status) = await _api.UploadAndWaitAsync(offer, csv);

        UploadsHttp.AssertCounts(status, "completedWithIssues", succeeded: 0, failed: 7);
        var issues = await _api.IssuesAsync(id);
        Assert.Equal([.. identifiers.Select(i => "'" + i), "'+5", "'@x"], issues.Select(r => r[1]));
        Assert.Equal([.. Enumerable.Repeat("CUSTOMER_NOT_FOUND", 5), "INVALID_CUSTOMER_IDENTIFIER", "INVALID_CUSTOMER_IDENTIFIER"], issues.Select(r => r[3]));
        Assert.All(issues.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@', $"Unescaped cell: {cell}"));
    }

    [Fact]
    public async Task TheSuccessReportListsEveryIssuedCouponAsTheDatabaseHoldsIt()
    {
        var offer = await _api.ActiveOfferAsync("""{ "maxPerCustomer": 4 }""");
        var a = await _api.CreateCustomerAsync();
        var mobile = $"+9198{Random.Shared.NextInt64(10_000_000, 99_999_999)}";
        var b = await _api.CreateCustomerAsync($$"""{ "mobile": "{{mobile}}" }""");
        var external = $"=SUM({ApiTestJson.Unique()})";
        var c = await _api.CreateCustomerAsync($$"""{ "externalId": "{{external}}" }""");
        var csv = $"identifierType,identifier,count\nuserId,{a},3\nmobile,{mobile},\nuserId,{a},2\nexternalId,{external},2\nuserId,424242424,1\n";

        var (id, status) = await _api.UploadAndWaitAsync(offer, csv);

        // Row 4 issued 1 of its 2 coupons: partly issued, not failed.
        UploadsHttp.AssertCounts(status, "completedWithIssues", succeeded: 3, failed: 1, partlyIssued: 1);
        var issued = await _api.IssuedAsync(id);
        Assert.Equal(
            [("2", $"{a}"), ("2", $"{a}"), ("2", $"{a}"), ("3", "'" + mobile), ("4", $"{a}"), ("5", "'" + external), ("5", "'" + external)],
            issued.Select(r => (r[0], r[1])));
        var owner = new Dictionary<string, long> { [$"{a}"] = a, ["'" + mobile] = b, ["'" + external] = c };
        var coupons = await CouponsAsync(offer);
        Assert.Equal(coupons.Select(x => (x.Code, x.CustomerId)).Order(), issued.Select(r => (r[2], (long?)owner[r[1]])).Order());
        Assert.Equal(coupons.Count, coupons.Select(x => x.Code).Distinct().Count());
        var issues = await _api.IssuesAsync(id);
        Assert.Equal([("4", "MAX_ISSUALS_PER_CUSTOMER_EXCEEDED"), ("6", "CUSTOMER_NOT_FOUND")], issues.Select(r => (r[0], r[3])));
        Assert.Contains("1 of 2", issues[0][4], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customers", "", "identifierType,identifier,count")]
    [InlineData("codes", "", "code,identifierType,identifier")]
    [InlineData("audience", "", "identifierType,identifier")]
    [InlineData("revokeCustomers", "", "identifierType,identifier")]
    [InlineData("redemptions", "", "code,identifierType,identifier,storeId,billAmount,transactionId,redeemedAt")]
    [InlineData("entities", "?org=true", "type,id,name,parentId,conceptId,currency")]
    [InlineData("customers", "?org=true", "userId,externalId,mobile,email,name,registeredOn,transactionCount")]
    public async Task ATemplateStartsWithItsKindsHeader(string kind, string query, string header)
    {
        var records = await _api.GetCsvAsync($"/api/v1/uploads/templates/{kind}.csv{query}");

        Assert.StartsWith(header, string.Join(',', records[0]), StringComparison.Ordinal);
        Assert.True(records.Count >= 2, "A template has an example row.");
    }

    [Fact]
    public async Task AnUnknownUploadIs404()
    {
        await (await _api.GetAsync("/api/v1/uploads/987654321")).ExpectProblemAsync(HttpStatusCode.NotFound, "UPLOAD_NOT_FOUND");
        await (await _api.GetAsync("/api/v1/uploads/987654321/issues.csv")).ExpectProblemAsync(HttpStatusCode.NotFound, "UPLOAD_NOT_FOUND");
        await (await _api.GetAsync("/api/v1/uploads/987654321/issued.csv")).ExpectProblemAsync(HttpStatusCode.NotFound, "UPLOAD_NOT_FOUND");
    }

    // ---- Refused files: nothing stored ----

    public static TheoryData<string, byte[], string[]> RefusedFiles => new()
    {
        { "wrong header", Encoding.UTF8.GetBytes("customer,amount\n1001,5\n"), ["identifierType", "identifier"] },
        { "empty", [], ["identifierType", "identifier"] },
        { "header only", Encoding.UTF8.GetBytes("identifierType,identifier\n"), ["identifierType", "identifier"] },
        { "binary", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01, 0x02, 0x03], [] },
        { "unclosed quote", Encoding.UTF8.GetBytes("identifierType,identifier\nuserId,1001\nuserId,\"1002\nuserId,1003\n"), ["Row 3"] },
        { "too large", Encoding.UTF8.GetBytes("identifierType,identifier\n" + string.Concat(Enumerable.Repeat("userId,1234567890\n", 70_000))), ["MB"] },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task ARefusedFileIs400InvalidFileAndLeavesNothingBehind(string what, byte[] bytes, string[] mentioned)
    {
        var offer = await _api.ActiveOfferAsync();
        var before = StoredFiles();

        var problem = await (await _api.PostFileAsync(offer, bytes)).ExpectProblemAsync(HttpStatusCode.BadRequest, "INVALID_FILE");

        var detail = (string?)problem["detail"] ?? "";
        Assert.All(mentioned, m => Assert.Contains(m, detail, StringComparison.Ordinal));
        Assert.True(detail.Length > 0, what);
        await AssertNothingStoredAsync(offer, before);
    }

    [Fact]
    public async Task AFileFarOverTheLimitIsRefusedAsInvalidFile()
    {
        var offer = await _api.ActiveOfferAsync();
        var before = StoredFiles();
        var bytes = Encoding.UTF8.GetBytes("identifierType,identifier\n" + string.Concat(Enumerable.Repeat("userId,1234567890\n", 200_000)));

        var response = await _api.PostFileAsync(offer, bytes);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "INVALID_FILE");
        Assert.Contains($"{SmallUploadsFactory.MaxFileMegabytes} MB", (string?)problem["detail"], StringComparison.Ordinal);
        await AssertNothingStoredAsync(offer, before);
    }

    [Fact]
    public async Task AnUnknownKindIs400AndNamesTheKinds()
    {
        var offer = await _api.ActiveOfferAsync();
        var user = await _api.CreateCustomerAsync();
        var before = StoredFiles();

        var problem = await (await _api.PostFileAsync(offer, UploadsHttp.Rows(user, 1), kind: "coupons")).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Contains("customers", ApiTestJson.ErrorText(problem, "kind"), StringComparison.Ordinal);
        await AssertNothingStoredAsync(offer, before);
    }

    [Fact]
    public async Task CustomersCannotBeUploadedToARandomizedCommonOffer()
    {
        var offer = await _api.ActiveOfferAsync(generation: $$"""{ "method": "randomizedCommon", "sampleCode": "RC{{ApiTestJson.Unique()[..2]}}123456" }""");
        var user = await _api.CreateCustomerAsync();
        var before = StoredFiles();

        await (await _api.PostFileAsync(offer, UploadsHttp.Rows(user, 1))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "ISSUAL_NOT_ALLOWED_FOR_SERIES");

        await AssertNothingStoredAsync(offer, before);
    }

    [Fact]
    public async Task AnUnknownOfferIs404()
    {
        var before = StoredFiles();

        await (await _api.PostFileAsync(987654321, UploadsHttp.Rows(1001, 1))).ExpectProblemAsync(HttpStatusCode.NotFound, "OFFER_NOT_FOUND");

        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task AFormWithoutTheFileFieldIs400()
    {
        var offer = await _api.ActiveOfferAsync();
        var before = StoredFiles();

        var wrongField = await _api.PostFileAsync(offer, Encoding.UTF8.GetBytes(UploadsHttp.Rows(1001, 1)), field: "upload");
        var notAForm = await _api.PostRawAsync($"/api/v1/offers/{offer}/uploads?kind=customers", "{}");

        Assert.Contains("file", ApiTestJson.ErrorText(await wrongField.ExpectProblemAsync(HttpStatusCode.BadRequest, "INVALID_FILE"), "file"),
            StringComparison.Ordinal);
        await notAForm.ExpectProblemAsync(HttpStatusCode.BadRequest, "INVALID_FILE");
        await AssertNothingStoredAsync(offer, before);
    }

    // ---- Access ----

    [Fact]
    public async Task AKeyWithoutTheAdminScopeIsForbiddenEveryUploadEndpoint()
    {
        var offer = await _api.ActiveOfferAsync();
        var user = await _api.CreateCustomerAsync();
        var (id, _) = await _api.UploadAndWaitAsync(offer, UploadsHttp.Rows(user, 1));
        var key = await factory.Services.GetRequiredService<ApiKeyService>().CreateAsync($"no admin {ApiTestJson.Unique()}", [ApiScopes.Redeem, ApiScopes.Issue]);
        using var client = factory.CreateApiClient(key.Value);

        await (await client.PostFileAsync(offer, UploadsHttp.Rows(user, 1))).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await client.GetAsync($"/api/v1/uploads/{id}")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await client.GetAsync($"/api/v1/uploads/{id}/issues.csv")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await client.GetAsync($"/api/v1/uploads/{id}/issued.csv")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await client.GetAsync("/api/v1/uploads/templates/customers.csv")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Single(await UploadsOfAsync(offer));
    }

    // ---- Helpers ----

    private static void AssertIssues(List<string[]> issues, long user, string error, params int[] rows)
    {
        Assert.Equal(rows.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)), issues.Select(i => i[0]));
        Assert.All(issues, i =>
        {
            Assert.Equal(user.ToString(System.Globalization.CultureInfo.InvariantCulture), i[1]);
            Assert.Equal("", i[2]);
            Assert.Equal(error, i[3]);
            Assert.Contains(error == "SERIES_ISSUAL_LIMIT_EXCEEDED" ? "limit of 2" : user.ToString(System.Globalization.CultureInfo.InvariantCulture), i[4],
                StringComparison.Ordinal);
        });
    }

    private string[] StoredFiles()
    {
        var folder = factory.Services.GetRequiredService<UploadStore>().Options.Folder;
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order()!] : [];
    }

    private async Task AssertNothingStoredAsync(long offerId, string[] filesBefore)
    {
        Assert.Empty(await UploadsOfAsync(offerId));
        Assert.Equal(filesBefore, StoredFiles());
    }

    private Task<IReadOnlyList<Upload>> UploadsOfAsync(long offerId) => factory.Services.GetRequiredService<UploadQueries>().ListAsync(offerId);

    private async Task<List<Core.Issuance.Coupon>> CouponsAsync(long offerId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CouponDbContext>>().CreateDbContextAsync();
        return await db.Coupons.AsNoTracking().Where(c => c.OfferId == offerId).ToListAsync();
    }

    private async Task<int> CouponCountAsync(long offerId) => (await CouponsAsync(offerId)).Count;
}
