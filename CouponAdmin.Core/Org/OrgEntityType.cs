using System.Text.Json.Serialization;

namespace CouponAdmin.Core.Org;

/// <summary>Org entity kinds, spelled in upper case on the wire as the reference product does.</summary>
public enum OrgEntityType
{
    [JsonStringEnumMemberName("ZONE")] Zone,
    [JsonStringEnumMemberName("STORE")] Store,
    [JsonStringEnumMemberName("TILL")] Till,
    [JsonStringEnumMemberName("CONCEPT")] Concept,
}

/// <summary>A reference to one org entity, e.g. <c>{ "type": "STORE", "id": "S1" }</c>.</summary>
public sealed record OrgEntityRef(OrgEntityType Type, string Id);

public static class OrgEntityTypes
{
    /// <summary>Parses ZONE, STORE, TILL or CONCEPT in any case; numbers and combinations are refused.</summary>
    public static bool TryParse(string? value, out OrgEntityType type)
    {
        var name = Enum.GetNames<OrgEntityType>().FirstOrDefault(n => n.Equals(value?.Trim(), StringComparison.OrdinalIgnoreCase));
        type = name is null ? default : Enum.Parse<OrgEntityType>(name);
        return name is not null;
    }
}
