namespace CouponAdmin.Core.Org;

/// <summary>
/// The org's zones, stores, tills and concepts held in memory: which store a till is in, a store's zone, concept and
/// currency, and a store's tills. Built once per snapshot; never changed after.
/// </summary>
public sealed class OrgTree
{
    private readonly Dictionary<string, OrgEntity> _stores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrgEntity> _tills = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _tillsByStore = new(StringComparer.Ordinal);

    public OrgTree(IEnumerable<OrgEntity> entities)
    {
        foreach (var e in entities)
        {
            if (e.Type == OrgEntityType.Store)
            {
                _stores[e.EntityId] = e;
            }
            else if (e.Type == OrgEntityType.Till)
            {
                _tills[e.EntityId] = e;
                if (e.ParentId is { } store)
                {
                    (_tillsByStore.TryGetValue(store, out var tills) ? tills : _tillsByStore[store] = []).Add(e.EntityId);
                }
            }
        }
    }

    public OrgEntity? Store(string id) => _stores.GetValueOrDefault(id);

    public OrgEntity? Till(string id) => _tills.GetValueOrDefault(id);

    public IReadOnlyList<string> TillsOf(string storeId) => _tillsByStore.TryGetValue(storeId, out var tills) ? tills : [];
}
