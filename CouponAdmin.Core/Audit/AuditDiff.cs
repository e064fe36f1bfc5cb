using System.Text.Json;

namespace CouponAdmin.Core.Audit;

/// <summary>One value that differs between an audit entry's before and after (null: absent on that side).</summary>
public sealed record AuditChange(string Path, string? Before, string? After);

/// <summary>
/// Turns an audit entry's before/after JSON into the values that changed, addressed by their JSON path
/// ("redemption.codeLimit", "products[1]"), so a person reads the difference instead of two documents.
/// </summary>
public static class AuditDiff
{
    public static IReadOnlyList<AuditChange> Between(string? before, string? after)
    {
        var old = Flatten(before);
        var now = Flatten(after);
        return [.. old.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Select(path => new AuditChange(path, old.GetValueOrDefault(path), now.GetValueOrDefault(path)))
            .Where(c => c.Before != c.After)];
    }

    private static Dictionary<string, string> Flatten(string? json)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return values;
        }

        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "", values);
        return values;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", values);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", values);
                }

                break;
            case JsonValueKind.Null:
                break;
            case JsonValueKind.String:
                values[path.Length == 0 ? "value" : path] = element.GetString()!;
                break;
            default:
                values[path.Length == 0 ? "value" : path] = element.GetRawText();
                break;
        }
    }
}
