using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CouponAdmin.Tests.Api;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Uploads;

/// <summary>The web host with a 1 MB upload limit, so the size refusal can be shown with a small file.</summary>
public sealed class SmallUploadsFactory : CouponAdminFactory
{
    public const int MaxFileMegabytes = 1;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:MaxFileMegabytes", MaxFileMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Uploads as a client drives them: multipart POST, status polling, CSV downloads read back as cells.</summary>
internal static class UploadsHttp
{
    public static Task<HttpResponseMessage> PostFileAsync(this HttpClient api, long offerId, string csv, string kind = "customers", bool dryRun = false) =>
        api.PostFileAsync(offerId, Encoding.UTF8.GetBytes(csv), kind, dryRun);

    public static Task<HttpResponseMessage> PostFileAsync(this HttpClient api, long offerId, byte[] bytes, string kind = "customers", bool dryRun = false,
        string field = "file")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, field, "rows.csv");
        return api.PostAsync($"/api/v1/offers/{offerId}/uploads?kind={kind}{(dryRun ? "&dryRun=true" : "")}", form);
    }

    /// <summary>Uploads a file, expects 202 with an upload id, and waits for its job to finish.</summary>
    public static async Task<(long Id, JsonNode Status)> UploadAndWaitAsync(this HttpClient api, long offerId, string csv, bool dryRun = false)
    {
        var accepted = await (await api.PostFileAsync(offerId, csv, dryRun: dryRun)).ExpectAsync(HttpStatusCode.Accepted);
        var id = (long)accepted["uploadId"]!;
        return (id, await api.WaitForUploadAsync(id));
    }

    public static async Task<JsonNode> GetUploadAsync(this HttpClient api, long uploadId) =>
        await (await api.GetAsync($"/api/v1/uploads/{uploadId}")).ExpectAsync(HttpStatusCode.OK);

    public static async Task<JsonNode> WaitForUploadAsync(this HttpClient api, long uploadId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var upload = await (await api.GetAsync($"/api/v1/uploads/{uploadId}")).ExpectAsync(HttpStatusCode.OK);
            if ((string?)upload["status"] is "completed" or "completedWithIssues" or "failed")
            {
                return upload;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Upload {uploadId} did not finish: {upload.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    public static void AssertCounts(JsonNode upload, string status, int succeeded, int failed, int partlyIssued = 0)
    {
        Assert.Equal(status, (string?)upload["status"]);
        Assert.Equal(succeeded + partlyIssued + failed, (int)upload["totalRows"]!);
        Assert.Equal(succeeded + partlyIssued + failed, (int)upload["processedRows"]!);
        Assert.Equal(succeeded, (int)upload["succeededRows"]!);
        Assert.Equal(partlyIssued, (int)upload["partlyIssuedRows"]!);
        Assert.Equal(failed, (int)upload["failedRows"]!);
    }

    /// <summary>Downloads a CSV report and returns its records, the header first.</summary>
    public static async Task<List<string[]>> GetCsvAsync(this HttpClient api, string url)
    {
        var response = await api.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: HTTP {(int)response.StatusCode}: {text}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return ParseCsv(text);
    }

    /// <summary>The issue report's data rows as (row, identifier, code, error, message), after checking its header.</summary>
    public static async Task<List<string[]>> IssuesAsync(this HttpClient api, long uploadId)
    {
        var records = await api.GetCsvAsync($"/api/v1/uploads/{uploadId}/issues.csv");
        Assert.Equal(["row", "identifier", "code", "error", "message"], records[0]);
        Assert.All(records.Skip(1), r => Assert.Equal(5, r.Length));
        return records.Skip(1).ToList();
    }

    /// <summary>The success report's data rows as (row, identifier, code), after checking its header.</summary>
    public static async Task<List<string[]>> IssuedAsync(this HttpClient api, long uploadId)
    {
        var records = await api.GetCsvAsync($"/api/v1/uploads/{uploadId}/issued.csv");
        Assert.Equal(["row", "identifier", "code"], records[0]);
        Assert.All(records.Skip(1), r => Assert.Equal(3, r.Length));
        return records.Skip(1).ToList();
    }

    public static async Task<long> CreateCustomerAsync(this HttpClient api, string body = """{ "name": "Upload customer" }""")
    {
        var created = await (await api.PostRawAsync("/api/v1/customers", body)).ExpectAsync(HttpStatusCode.Created);
        return (long)created["userId"]!;
    }

    /// <summary>Creates and activates an offer whose <c>issual</c> and <c>coupon.generation</c> blocks are given as JSON.</summary>
    public static async Task<long> ActiveOfferAsync(this HttpClient api, string issual = "{}", string? generation = null)
    {
        var body = OfferBodies.Minimal($"Uploads {ApiTestJson.Unique()}");
        body["issual"] = JsonNode.Parse(issual);
        if (generation is not null)
        {
            body["coupon"]!["generation"] = JsonNode.Parse(generation);
        }

        var id = await api.CreateOfferAsync(body);
        await (await api.PostAsync($"/api/v1/offers/{id}/activate", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    public static string Rows(long userId, int rows) => UploadTestBed.CustomerRows(userId, rows);

    /// <summary>RFC 4180 records (quoted fields, doubled quotes, CRLF or LF line ends).</summary>
    public static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    records.Add([.. fields]);
                    fields.Clear();
                    field.Clear();
                    any = false;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (any)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }
}
