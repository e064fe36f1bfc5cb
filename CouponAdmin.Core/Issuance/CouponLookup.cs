using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Issuance;

/// <summary>
/// Finds the coupons of a code, whatever made it: generated codes by decoding them into (code space, index), which is
/// how they are indexed; uploaded and common codes by their text, through their partial indexes. Both are asked every
/// time, so a common code that happens to have a generated shape is found too. A transferred code has one coupon per
/// holder (<see cref="Coupon.TransferSeq"/>); a common code one per customer.
/// </summary>
public static class CouponLookup
{
    /// <param name="normalized">A code already passed through <see cref="CodeFormat.Normalize"/>.</param>
    public static async Task<IQueryable<Coupon>> ByCodeAsync(CouponDbContext db, string normalized, CancellationToken ct)
    {
        var query = db.Coupons.FromSqlRaw(CouponStatements.For(db.Dialect).ByTextCode, normalized);
        foreach (var (space, index) in await CodeSpaces.DecodeAsync(db, normalized, ct))
        {
            query = query.Concat(db.Coupons.Where(c => c.CodeSpaceId == space && c.CodeIndex == index));
        }

        return query;
    }
}
