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
        options.Converters.Add(new TimeOfDayConverter());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return options;
    }
}

/// <summary>Times of day as "10:00" (seconds only when set), the way the API documents them.</summary>
internal sealed class TimeOfDayConverter : JsonConverter<TimeOnly>
{
    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeOnly.TryParse(reader.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var time)
            ? time
            : throw new JsonException($"'{reader.GetString()}' is not a time of day; use HH:mm, e.g. 10:00.");

    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(value.Second == 0 && value.Millisecond == 0 ? "HH:mm" : "HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
}
