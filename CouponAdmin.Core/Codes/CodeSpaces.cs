using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Codes;

/// <summary>Finds or creates the stored code space of an offer's settings, and builds generators from it.</summary>
public static class CodeSpaces
{
    /// <summary>The id of the space the settings draw from (created on first use), or null for common and uploaded codes.</summary>
    public static async Task<long?> ResolveAsync(CouponDbContext db, GenerationSettings settings, CancellationToken ct)
    {
        if (GeneratedCodeSpace.For(settings) is not { } wanted)
        {
            return null;
        }

        await db.ExecuteAsync("""
            INSERT INTO "CodeSpaces" ("FormatKey", "FixedText", "Alphabet", "Length", "PermutationKey", "NextCodeIndex")
            VALUES (@k, @f, @a, @l, @p, 0) ON CONFLICT ("FormatKey") DO NOTHING
            """, ct, ("@k", wanted.FormatKey), ("@f", wanted.FixedText), ("@a", wanted.Alphabet), ("@l", wanted.Length), ("@p", wanted.PermutationKey));
        return await db.CodeSpaces.Where(s => s.FormatKey == wanted.FormatKey).Select(s => (long?)s.Id).SingleAsync(ct);
    }

    /// <summary>The generator of an offer's codes: its space's permutation, or its one common code.</summary>
    public static async Task<ICodeGenerator> GeneratorAsync(CouponDbContext db, Offer offer, CancellationToken ct)
    {
        if (offer.CodeSpaceId is { } id)
        {
            var space = await db.CodeSpaces.AsNoTracking().SingleAsync(s => s.Id == id, ct);
            return space.Generator();
        }

        return CodeGenerators.For(offer.Definition.Coupon.Generation, []);
    }

    /// <summary>The spaces that could have made <paramref name="code"/>, with the index each would give it.</summary>
    public static async Task<IReadOnlyList<(long SpaceId, long Index)>> DecodeAsync(CouponDbContext db, string code, CancellationToken ct)
    {
        var candidates = await db.CodeSpaces.AsNoTracking().Where(s => s.FixedText.Length + s.Length == code.Length).ToListAsync(ct);
        var found = new List<(long, long)>();
        foreach (var space in candidates.Where(s => code.StartsWith(s.FixedText, StringComparison.Ordinal)))
        {
            if (space.Generator().TryIndexOf(code, out var index))
            {
                found.Add((space.Id, index));
            }
        }

        return found;
    }
}
