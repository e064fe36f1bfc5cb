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
