using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Customers;

/// <summary>
/// Finds the user ids behind many parsed identifiers at once (upload chunks): one query per identifier type,
/// the values passed as one list and joined through the identifier's unique index.
/// </summary>
internal static class CustomerResolver
{
    public static async Task<Dictionary<CustomerIdentifier, long>> ResolveAsync(CouponDbContext db, IEnumerable<CustomerIdentifier> identifiers, CancellationToken ct)
    {
        var found = new Dictionary<CustomerIdentifier, long>();
        foreach (var group in identifiers.Distinct().GroupBy(i => i.Type))
        {
            var values = group.Key == IdentifierType.UserId
                ? db.Dialect.List(group.Select(i => long.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture)))
                : db.Dialect.List(group.Select(i => i.Value));
            var pairs = await db.ListAsync(CustomerStatements.For(db.Dialect).ByIdentifiers(group.Key),
                r => (Id: r.GetInt64(0), Value: r.GetString(1)), ct, ("@values", values));
            foreach (var (id, value) in pairs)
            {
                found[new CustomerIdentifier(group.Key, value)] = id;
            }
        }

        return found;
    }
}
