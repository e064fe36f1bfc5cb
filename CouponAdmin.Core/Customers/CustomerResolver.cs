using System.Text.Json;
using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Core.Customers;

/// <summary>
/// Finds the user ids behind many parsed identifiers at once (upload chunks): one query per identifier type,
/// the values passed as one JSON array and joined through the identifier's unique index.
/// </summary>
internal static class CustomerResolver
{
    public static async Task<Dictionary<CustomerIdentifier, long>> ResolveAsync(CouponDbContext db, IEnumerable<CustomerIdentifier> identifiers, CancellationToken ct)
    {
        var found = new Dictionary<CustomerIdentifier, long>();
        foreach (var group in identifiers.Distinct().GroupBy(i => i.Type))
        {
            var column = group.Key switch
            {
                IdentifierType.UserId => "UserId",
                IdentifierType.Email => "Email",
                IdentifierType.Mobile => "Mobile",
                _ => "ExternalId",
            };
            var values = group.Key == IdentifierType.UserId
                ? JsonSerializer.Serialize(group.Select(i => long.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture)))
                : JsonSerializer.Serialize(group.Select(i => i.Value));
            var pairs = await db.ListAsync($"""SELECT c."UserId", CAST(c."{column}" AS TEXT) FROM json_each(@values) j CROSS JOIN "Customers" c WHERE c."{column}" = j.value""",
                r => (Id: r.GetInt64(0), Value: r.GetString(1)), ct, ("@values", values));
            foreach (var (id, value) in pairs)
            {
                found[new CustomerIdentifier(group.Key, value)] = id;
            }
        }

        return found;
    }
}
