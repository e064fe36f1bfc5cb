using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Issuance;

/// <summary>
/// Hands out indexes of a generated code space for new coupons, inside the caller's write transaction: the next
/// indexes of the space's counter (one conditional update per batch), minus those whose code another source already
/// holds — a common or uploaded code claimed in <c>HeldCodeIndexes</c>, or a coupon of an overlapping space. Every
/// issuing path (one coupon, bulk issuance, upload chunks) takes its codes here, so none can duplicate another's.
/// </summary>
internal static class CodeAllocator
{
    /// <summary>Up to <paramref name="count"/> free indexes in counter order; fewer only when the space is used up.</summary>
    public static async Task<List<long>> TakeAsync(CouponDbContext db, long spaceId, int count, CancellationToken ct)
    {
        var known = await CodeSpaces.KnownAsync(db, ct);
        var space = known.First(k => k.Space.Id == spaceId);
        var capacity = space.Generator.Capacity > long.MaxValue ? long.MaxValue : (long)space.Generator.Capacity;
        var overlapping = await OverlappingAsync(db, known, space, ct);
        var taken = new List<long>(count);
        while (taken.Count < count)
        {
            var (first, reserved) = await ReserveAsync(db, spaceId, count - taken.Count, capacity, ct);
            if (reserved == 0)
            {
                break;
            }

            var held = await HeldCodes.InRangeAsync(db, spaceId, first, reserved, ct);
            for (var index = first; index < first + reserved; index++)
            {
                if (!held.Contains(index) && (overlapping.Count == 0 || !await HeldByOverlapAsync(db, space, overlapping, index, ct)))
                {
                    taken.Add(index);
                }
            }
        }

        return taken;
    }

    /// <summary>Takes up to <paramref name="count"/> consecutive indexes of the counter, fewer near the capacity.</summary>
    private static async Task<(long First, int Count)> ReserveAsync(CouponDbContext db, long spaceId, int count, long capacity, CancellationToken ct)
    {
        while (count > 0)
        {
            var next = await db.ScalarAsync<long>(CodeSpaceStatements.For(db.Dialect).Reserve, ct, ("@s", spaceId), ("@n", count), ("@capacity", capacity));
            if (next is { } n)
            {
                return (n - count, count);
            }

            var used = await db.ScalarAsync<long>(CodeSpaceStatements.For(db.Dialect).NextIndex, ct, ("@s", spaceId)) ?? 0;
            count = (int)Math.Clamp(capacity - used, 0, count - 1);
        }

        return (0, 0);
    }

    /// <summary>The other spaces that can make some of this space's codes, with their counters as this transaction sees them.</summary>
    private static async Task<List<(KnownCodeSpace Space, long Next)>> OverlappingAsync(CouponDbContext db, IReadOnlyList<KnownCodeSpace> known,
        KnownCodeSpace space, CancellationToken ct)
    {
        var overlapping = new List<(KnownCodeSpace, long)>();
        foreach (var other in known.Where(k => k.Space.Id != space.Space.Id && k.Space.Overlaps(space.Space)))
        {
            var next = await db.ScalarAsync<long>(CodeSpaceStatements.For(db.Dialect).NextIndex, ct, ("@s", other.Space.Id)) ?? 0;
            overlapping.Add((other, next));
        }

        return overlapping;
    }

    /// <summary>Whether an overlapping space already gave this index's code to a coupon (only indexes below its counter can have).</summary>
    private static async Task<bool> HeldByOverlapAsync(CouponDbContext db, KnownCodeSpace space, List<(KnownCodeSpace Space, long Next)> overlapping,
        long index, CancellationToken ct)
    {
        var code = space.Generator.CodeAt(index);
        foreach (var (other, next) in overlapping)
        {
            if (other.Generator.TryIndexOf(code, out var otherIndex) && otherIndex < next
                && await db.ScalarAsync<long>(CouponStatements.For(db.Dialect).HeldAt, ct,
                    ("@s", other.Space.Id), ("@i", otherIndex)) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
