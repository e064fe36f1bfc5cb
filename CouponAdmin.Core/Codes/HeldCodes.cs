using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Codes;

/// <summary>
/// Codes are one namespace per org, whatever made them. Generated codes are stored by (space, index), uploaded and
/// common codes by their text; this is where the two meet: who holds a code, and the indexes a generated space must
/// skip because a common or uploaded code of its shape already exists (see docs/architecture.md, "Codes").
/// </summary>
internal static class HeldCodes
{
    /// <summary>The offer whose coupon or common code is <paramref name="code"/> (normalised), other than <paramref name="exceptOfferId"/>; null when free.</summary>
    public static async Task<long?> OwnerAsync(CouponDbContext db, string code, long? exceptOfferId, CancellationToken ct)
    {
        var holder = await (await CouponLookup.ByCodeAsync(db, code, ct)).AsNoTracking()
            .Where(c => c.OfferId != exceptOfferId).Select(c => (long?)c.OfferId).FirstOrDefaultAsync(ct);
        return holder ?? await db.Offers.AsNoTracking().Where(o => o.ReservedCode == CommonReservation(code) && o.Id != exceptOfferId)
            .Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>How an offer reserves its common code (<c>Offer.ReservedCode</c>).</summary>
    public static string CommonReservation(string normalizedCode) => "C:" + normalizedCode;

    /// <summary>
    /// Records that a common or uploaded code holds <paramref name="code"/>: every generated space of its shape skips the
    /// index that would make it. The caller checked with <see cref="OwnerAsync"/> that no generated coupon has it yet.
    /// </summary>
    public static async Task ClaimAsync(CouponDbContext db, string code, CancellationToken ct)
    {
        foreach (var (spaceId, index) in await CodeSpaces.DecodeAsync(db, code, ct))
        {
            await InsertAsync(db, spaceId, index, code, ct);
        }
    }

    /// <summary>For a space just created: claims the uploaded and common codes of its shape that exist already.</summary>
    public static async Task ClaimExistingAsync(CouponDbContext db, GeneratedCodeSpace space, CancellationToken ct)
    {
        var generator = space.Generator();
        var codes = await db.ListAsync(CodeSpaceStatements.For(db.Dialect).TextCodesOfShape, r => r.GetString(0), ct, ("@len", space.CodeLength), ("@fixedLength", space.FixedText.Length), ("@fixed", space.FixedText));
        foreach (var code in codes)
        {
            if (generator.TryIndexOf(code, out var index))
            {
                await InsertAsync(db, space.Id, index, code, ct);
            }
        }
    }

    /// <summary>The claimed indexes of a space within [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>).</summary>
    public static async Task<HashSet<long>> InRangeAsync(CouponDbContext db, long spaceId, long first, long count, CancellationToken ct) =>
        [.. await db.ListAsync(CodeSpaceStatements.For(db.Dialect).HeldInRange, r => r.GetInt64(0), ct, ("@s", spaceId), ("@first", first), ("@end", first + count))];

    /// <summary>Claimed indexes at or after the space's counter: codes the space can no longer give.</summary>
    public static Task<long?> AheadOfCounterAsync(CouponDbContext db, long spaceId, CancellationToken ct) =>
        db.ScalarAsync<long>(CodeSpaceStatements.For(db.Dialect).HeldAheadOfCounter, ct, ("@s", spaceId));

    private static Task<int> InsertAsync(CouponDbContext db, long spaceId, long index, string code, CancellationToken ct) =>
        db.ExecuteAsync(CodeSpaceStatements.For(db.Dialect).Hold, ct, ("@s", spaceId), ("@i", index), ("@code", code));
}
