using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CouponAdmin.Tests.Api;

/// <summary>
/// Raw-JSON helpers: tests send and read the wire format (camelCase, enum strings) rather than the app's own types,
/// so a renamed field or a changed enum spelling fails here the way it would fail a client.
/// </summary>
internal static class ApiTestJson
{
    private static int _counter;

    /// <summary>A short token unique within the test run, for ids and names that must not clash between tests.</summary>
    public static string Unique() => $"{Environment.ProcessId % 1000}{Interlocked.Increment(ref _counter)}{Guid.NewGuid().ToString("N")[..6]}";

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutRawAsync(this HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostNodeAsync(this HttpClient client, string url, JsonNode body) =>
        client.PostRawAsync(url, body.ToJsonString());

    public static Task<HttpResponseMessage> PutNodeAsync(this HttpClient client, string url, JsonNode body) =>
        client.PutRawAsync(url, body.ToJsonString());

    public static async Task<JsonNode> ReadNodeAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"The response body is empty (HTTP {(int)response.StatusCode}).");
    }

    /// <summary>Asserts the status, showing the body when it differs, and returns the parsed body.</summary>
    public static async Task<JsonNode> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected HTTP {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Asserts an RFC 7807 problem with the given status and stable code, and returns it.</summary>
    public static async Task<JsonNode> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.ExpectAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal((int)status, (int?)problem["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]), "A problem has a title.");
        return problem;
    }

    /// <summary>The field paths of a 400 problem's <c>errors</c> map, sorted.</summary>
    public static string[] ErrorPaths(JsonNode problem) =>
        [.. (problem["errors"] as JsonObject ?? []).Select(p => p.Key).Order(StringComparer.Ordinal)];

    /// <summary>Every message under one path of a problem's <c>errors</c> map, joined.</summary>
    public static string ErrorText(JsonNode problem, string path) =>
        string.Join(" ", problem["errors"]?[path]?.AsArray().Select(m => (string?)m) ?? []);

    /// <summary>Creates an offer from a raw body and returns its id.</summary>
    public static async Task<long> CreateOfferAsync(this HttpClient client, JsonNode body)
    {
        var created = await (await client.PostNodeAsync("/api/v1/offers", body)).ExpectAsync(HttpStatusCode.Created);
        return (long)created["id"]!;
    }

    public static async Task<JsonNode> GetOfferAsync(this HttpClient client, long id) =>
        await (await client.GetAsync($"/api/v1/offers/{id}")).ExpectAsync(HttpStatusCode.OK);

    public static async Task CreateOrgEntityAsync(this HttpClient client, string type, string id, string? parentId = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/org/entities", new { type, id, name = $"{type} {id}", parentId });
        await response.ExpectAsync(HttpStatusCode.Created);
    }

    /// <summary>Whether two JSON values are the same document (numbers compared by value, property order ignored).</summary>
    public static void AssertSameJson(JsonNode? expected, JsonNode? actual, string what) =>
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"{what} differs.{Environment.NewLine}sent:     {expected?.ToJsonString()}{Environment.NewLine}returned: {actual?.ToJsonString()}");

    /// <summary>
    /// Every field that was sent comes back with the same value (the REST contract lets the server add fields, never change or
    /// drop them); all differences are listed at once, by JSON path.
    /// </summary>
    public static void AssertReturnedAsSent(JsonNode? sent, JsonNode? returned, string path)
    {
        var differences = new List<string>();
        CompareSent(sent, returned, path, differences);
        Assert.True(differences.Count == 0, $"Fields not returned as sent:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
    }

    private static void CompareSent(JsonNode? sent, JsonNode? returned, string path, List<string> differences)
    {
        switch (sent)
        {
            case JsonObject sentObject when returned is JsonObject returnedObject:
                foreach (var (name, value) in sentObject)
                {
                    var childPath = path.Length == 0 ? name : $"{path}.{name}";
                    if (!returnedObject.ContainsKey(name))
                    {
                        differences.Add($"{childPath}: sent {value?.ToJsonString() ?? "null"}, missing from the response");
                        continue;
                    }

                    CompareSent(value, returnedObject[name], childPath, differences);
                }

                break;
            case JsonArray sentArray when returned is JsonArray returnedArray && sentArray.Count == returnedArray.Count:
                for (var i = 0; i < sentArray.Count; i++)
                {
                    CompareSent(sentArray[i], returnedArray[i], $"{path}[{i}]", differences);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(sent, returned))
                {
                    differences.Add($"{path}: sent {sent?.ToJsonString() ?? "null"}, returned {returned?.ToJsonString() ?? "null"}");
                }

                break;
        }
    }
}
