using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Core.Issuance;

/// <summary>
/// Finds coupons by their code: uploaded and common codes by their text, generated codes by decoding them
/// into (code space, index), which is how they are indexed.
/// </summary>
public static class CouponLookup
{
    /// <param name="normalized">A code already passed through <see cref="CodeFormat.Normalize"/>.</param>
    public static async Task<IQueryable<Coupon>> ByCodeAsync(CouponDbContext db, string normalized, CancellationToken ct)
    {
        var decoded = await CodeSpaces.DecodeAsync(db, normalized, ct);
        if (decoded.Count == 0)
        {
            return db.Coupons.Where(c => c.Code == normalized && c.CodeSpaceId == null);
        }

        var (space, index) = decoded[0];
        var query = db.Coupons.Where(c => (c.CodeSpaceId == space && c.CodeIndex == index) || (c.Code == normalized && c.CodeSpaceId == null));
        foreach (var (otherSpace, otherIndex) in decoded.Skip(1))
        {
            query = query.Union(db.Coupons.Where(c => c.CodeSpaceId == otherSpace && c.CodeIndex == otherIndex));
        }

        return query;
    }
}
