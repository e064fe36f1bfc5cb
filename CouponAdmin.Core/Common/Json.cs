using System.Text.Json;
using System.Text.Json.Serialization;

namespace CouponAdmin.Core.Common;

/// <summary>The one JSON shape of the product: camelCase names, enums as strings. Used by the API and for stored settings.</summary>
public static class CouponJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return options;
    }
}
