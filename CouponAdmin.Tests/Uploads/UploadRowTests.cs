using System.Text;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Uploads;
using CouponAdmin.Core.Uploads.Csv;

namespace CouponAdmin.Tests.Uploads;

/// <summary>
/// The rows of a <c>customers</c> file one by one: each kind of invalid identifier with its own message (the seed's four
/// screenshots), unknown customers, bad identifier types and counts, and <c>count</c> giving one customer several coupons.
/// </summary>
public sealed class UploadRowTests : IAsyncLifetime
{
    private readonly UploadTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task EachKindOfInvalidIdentifierGetsItsOwnMessageNamingTheValueAndTheKind()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(_ => { });
        var longExternal = new string('x', CustomerIdentifiers.MaxExternalIdLength + 1);
        var csv = $"identifierType,identifier\nuserId,12ab\nemail,asha.example.com\nmobile,98-ab-1\nexternalId,{longExternal}\nuserId,0\n";

        var upload = await _bed.UploadAsync(UploadKind.Customers, offer.Id, csv);

        Assert.Equal((0, 5), (upload.SucceededRows, upload.FailedRows));
        var issues = await _bed.IssuesAsync(upload.Id);
        Assert.All(issues, i => Assert.Equal("INVALID_CUSTOMER_IDENTIFIER", i.Error));
        Assert.Equal([2, 3, 4, 5, 6], issues.Select(i => i.Row));
        Assert.Equal(["12ab", "asha.example.com", "98-ab-1", longExternal, "0"], issues.Select(i => i.Identifier));
        (string Value, string Kind)[] named = [("'12ab'", "user id"), ("'asha.example.com'", "e-mail"), ("'98-ab-1'", "mobile"), ($"'{longExternal}'", "external id"),
            ("'0'", "user id")];
        for (var i = 0; i < named.Length; i++)
        {
            Assert.Contains(named[i].Value, issues[i].Message, StringComparison.Ordinal);
            Assert.Contains(named[i].Kind, issues[i].Message, StringComparison.Ordinal);
        }

        Assert.Equal(4, issues.Take(4).Select(i => i.Message.Replace(i.Identifier!, "", StringComparison.Ordinal)).Distinct().Count());
    }

    [Fact]
    public async Task AnUnknownCustomerOfEachKindIsCustomerNotFoundNamingTheIdentifier()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(_ => { });
        var known = await new CustomerDirectory(_bed.Issuance.Database).RegisterAsync(new RegisterCustomerRequest(
            ExternalId: "CRM-7", Mobile: "+919800000007", Email: "known@shop.example"));
        Assert.True(known.IsSuccess, known.Error?.Message);
        var csv = "identifierType,identifier\nuserId,987654321\nemail,nobody@shop.example\nmobile,+919800000099\nexternalId,CRM-404\n"
            + $"userId,{known.Value!.UserId}\nemail,KNOWN@shop.example\nmobile,+91 98000 00007\nexternalId,CRM-7\n";

        var upload = await _bed.UploadAsync(UploadKind.Customers, offer.Id, csv);

        Assert.Equal((4, 4), (upload.SucceededRows, upload.FailedRows));
        var issues = await _bed.IssuesAsync(upload.Id);
        Assert.Equal([2, 3, 4, 5], issues.Select(i => i.Row));
        Assert.All(issues, i => Assert.Equal("CUSTOMER_NOT_FOUND", i.Error));
        Assert.Equal(["user id 987654321", "e-mail 'nobody@shop.example'", "mobile '+919800000099'", "external id 'CRM-404'"],
            issues.Select(i => i.Message[(i.Message.IndexOf("has ", StringComparison.Ordinal) + 4)..].TrimEnd('.')));
        Assert.All(await _bed.Issuance.CouponsAsync(offer.Id), c => Assert.Equal(known.Value.UserId, c.CustomerId));
    }

    [Fact]
    public async Task ABadIdentifierTypeIsRefusedNamingTheTypeAndTheTypesThatExist()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(_ => { });
        var user = await _bed.Issuance.CustomerAsync();
        var csv = $"identifierType,identifier\nphone,{user}\nUSERID,{user}\n";

        var upload = await _bed.UploadAsync(UploadKind.Customers, offer.Id, csv);

        var issue = Assert.Single(await _bed.IssuesAsync(upload.Id));
        Assert.Equal(2, issue.Row);
        Assert.Equal("INVALID_CUSTOMER_IDENTIFIER", issue.Error);
        Assert.Contains("'phone'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("userId, externalId, mobile or email", issue.Message, StringComparison.Ordinal);
        Assert.Single(await _bed.Issuance.CouponsAsync(offer.Id));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1001")]
    [InlineData("abc")]
    [InlineData("2.5")]
    public async Task ABadCountIsAnInvalidRowNamingTheCount(string count)
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(_ => { });
        var user = await _bed.Issuance.CustomerAsync();

        var upload = await _bed.UploadAsync(UploadKind.Customers, offer.Id, $"identifierType,identifier,count\nuserId,{user},{count}\nuserId,{user},1\n");

        var issue = Assert.Single(await _bed.IssuesAsync(upload.Id));
        Assert.Equal((2, "INVALID_ROW", user.ToString(System.Globalization.CultureInfo.InvariantCulture)), (issue.Row, issue.Error, issue.Identifier));
        Assert.Contains($"'{count}'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 1000", issue.Message, StringComparison.Ordinal);
        Assert.Single(await _bed.Issuance.CouponsAsync(offer.Id));
    }

    [Fact]
    public async Task TheCountColumnGivesOneCustomerSeveralCouponsUpToTheirMaximum()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(o => o.Issual.MaxPerCustomer = 6);
        var (a, b) = (await _bed.Issuance.CustomerAsync(), await _bed.Issuance.CustomerAsync());

        var upload = await _bed.UploadAsync(UploadKind.Customers, offer.Id, $"identifierType,identifier,count\nuserId,{a},4\nuserId,{b},\nuserId,{a},5\n");

        // The third row issued 2 of its 5: partly issued, not failed, and still explained in the issue report.
        Assert.Equal((UploadStatus.CompletedWithIssues, 2, 1, 0), (upload.Status, upload.SucceededRows, upload.PartlyIssuedRows, upload.FailedRows));
        var coupons = await _bed.Issuance.CouponsAsync(offer.Id);
        Assert.Equal(6, coupons.Count(c => c.CustomerId == a));
        Assert.Equal(1, coupons.Count(c => c.CustomerId == b));
        var issue = Assert.Single(await _bed.IssuesAsync(upload.Id));
        Assert.Equal((4, "MAX_ISSUALS_PER_CUSTOMER_EXCEEDED"), (issue.Row, issue.Error));
        Assert.Contains("2 of 5 coupons were issued", issue.Message, StringComparison.Ordinal);
        var report = UploadsHttp.ParseCsv(await _bed.SuccessCsvAsync(upload.Id)).Skip(1).ToList();
        Assert.Equal(["2", "2", "2", "2", "3", "4", "4"], report.Select(r => r[0]));
        Assert.Equal(coupons.Select(c => c.Code).Order(), report.Select(r => r[2]).Order());
    }

    [Fact]
    public async Task BlankLinesAndARowWithAMissingIdentifierAreCountedSoTheUploadAddsUp()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(_ => { });
        var user = await _bed.Issuance.CustomerAsync();

        var upload = await _bed.UploadAsync(UploadKind.Customers, offer.Id, $"identifierType,identifier\nuserId,{user}\n\nuserId,\nuserId,{user}\n\n");

        Assert.Equal(upload.TotalRows, upload.ProcessedRows);
        Assert.Equal(upload.TotalRows, upload.SucceededRows + upload.FailedRows);
        Assert.Equal(2, upload.SucceededRows);
        var issue = Assert.Single(await _bed.IssuesAsync(upload.Id));
        Assert.Equal((4, "INVALID_ROW"), (issue.Row, issue.Error));
        Assert.Equal(2, (await _bed.Issuance.CouponsAsync(offer.Id)).Count);
    }

    // ---- Refused files (Core): nothing is kept ----

    [Fact]
    public async Task AFileOverTheSizeLimitIsRefusedAndNothingIsKept()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(_ => { });
        _bed.MaxFileBytes = 1000;
        var csv = "identifierType,identifier\n" + string.Concat(Enumerable.Repeat("userId,1234567890\n", 100));

        var refused = await _bed.StartResultAsync(UploadKind.Customers, offer.Id, csv);

        Assert.False(refused.IsSuccess);
        Assert.Equal("INVALID_FILE", refused.Error!.Code);
        Assert.Contains("1,000 bytes", refused.Error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(_bed.Store.Options.Folder) ? Directory.GetFiles(_bed.Store.Options.Folder) : []);
        Assert.Empty(await _bed.Queries.ListAsync(offer.Id));
    }

    [Theory]
    [InlineData("code\nABC\n", "identifierType,identifier")]
    [InlineData("identifierType,identifier\n", "no rows")]
    [InlineData("identifierType,identifier\nuserId,\"1001\nuserId,1002\n", "Row 2")]
    public async Task ABadFileIsRefusedBeforeAnythingIsKept(string csv, string mentioned)
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(_ => { });

        var refused = await _bed.StartResultAsync(UploadKind.Customers, offer.Id, csv);

        Assert.Equal("INVALID_FILE", refused.Error?.Code);
        Assert.Contains(mentioned, refused.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(_bed.Store.Options.Folder) ? Directory.GetFiles(_bed.Store.Options.Folder) : []);
        Assert.Empty(await _bed.Queries.ListAsync(offer.Id));
    }

    [Theory]
    [InlineData(UploadKind.Customers)]
    [InlineData(UploadKind.Codes)]
    [InlineData(UploadKind.Audience)]
    [InlineData(UploadKind.RevokeCustomers)]
    [InlineData(UploadKind.Redemptions)]
    [InlineData(UploadKind.Entities)]
    [InlineData(UploadKind.OrgCustomers)]
    public void EachTemplateIsAFileOfItsOwnKind(UploadKind kind)
    {
        using var template = new MemoryStream(Encoding.UTF8.GetBytes(UploadLayouts.Template(kind)));

        var opened = CsvUploadReader.Open(template, UploadLayouts.For(kind), new CsvLimits(UploadOptions.DefaultMaxFileBytes));

        Assert.True(opened.IsSuccess, opened.Error?.Message);
        using var reader = opened.Value!;
        Assert.All(reader.Rows(), row => Assert.Empty(row.Problems));
    }
}
