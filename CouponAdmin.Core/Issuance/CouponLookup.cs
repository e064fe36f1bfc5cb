using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Issuance;

/// <summary>
/// Finds coupons by their code: generated codes by decoding them into (code space, index), which is how they are
/// indexed; uploaded and common codes by their text, through their partial indexes. Uploaded codes never collide
/// with a generated space (uploads check), so a code that decodes is a generated one.
/// </summary>
public static class CouponLookup
{
    /// <param name="normalized">A code already passed through <see cref="CodeFormat.Normalize"/>.</param>
    public static async Task<IQueryable<Coupon>> ByCodeAsync(CouponDbContext db, string normalized, CancellationToken ct)
    {
        var decoded = await CodeSpaces.DecodeAsync(db, normalized, ct);
        if (decoded.Count == 0)
        {
            // Spelled to match the partial indexes' own conditions, so SQLite uses them instead of scanning.
            return db.Coupons.FromSqlInterpolated($"""
                SELECT * FROM "Coupons" WHERE "Code" = {normalized} AND "CodeSpaceId" IS NULL AND "IsShared" = 0
                UNION ALL
                SELECT * FROM "Coupons" WHERE "Code" = {normalized} AND "IsShared" = 1
                """);
        }

        var (space, index) = decoded[0];
        var query = db.Coupons.Where(c => c.CodeSpaceId == space && c.CodeIndex == index);
        foreach (var (otherSpace, otherIndex) in decoded.Skip(1))
        {
            query = query.Concat(db.Coupons.Where(c => c.CodeSpaceId == otherSpace && c.CodeIndex == otherIndex));
        }

        return query;
    }
}
