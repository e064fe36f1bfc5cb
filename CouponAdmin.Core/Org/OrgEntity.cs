namespace CouponAdmin.Core.Org;

/// <summary>A zone, store, till or concept. Stores sit in a zone and may belong to a concept; tills sit in a store.</summary>
public sealed class OrgEntity
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 200;

    private OrgEntity()
    {
        EntityId = "";
        Name = "";
    }

    public OrgEntity(OrgEntityType type, string id, string name, string? parentId = null, string? conceptId = null, string? currency = null)
    {
        Type = type;
        EntityId = id;
        Name = name;
        ParentId = parentId;
        ConceptId = conceptId;
        Currency = currency;
    }

    /// <summary>Changes what an existing entity is called and where it sits; its type and id never change (offers and redemptions name them).</summary>
    public void Change(string name, string? parentId, string? conceptId, string? currency)
    {
        Name = name;
        ParentId = parentId;
        ConceptId = conceptId;
        Currency = currency;
    }

    public OrgEntityType Type { get; private set; }
    public string EntityId { get; private set; }
    public string Name { get; private set; }
    /// <summary>A store's zone, or a till's store.</summary>
    public string? ParentId { get; private set; }
    public string? ConceptId { get; private set; }
    /// <summary>A store's default currency; redemption converts fixed discounts into it.</summary>
    public string? Currency { get; private set; }
}
