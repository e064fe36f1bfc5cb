using System.Collections.Concurrent;
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

    /// <summary>
    /// The spaces of each database with their generators built, kept between calls: a space never changes once made
    /// (only its counter, which decoding does not use). A code that no known space decodes reloads the list once, so a
    /// space created since is found.
    /// </summary>
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(long Id, SpaceCodeGenerator Generator)>> Known = new(StringComparer.Ordinal);

    /// <summary>The spaces that could have made <paramref name="code"/>, with the index each would give it.</summary>
    public static async Task<IReadOnlyList<(long SpaceId, long Index)>> DecodeAsync(CouponDbContext db, string code, CancellationToken ct)
    {
        var database = db.Database.GetConnectionString() ?? "";
        if (Known.TryGetValue(database, out var known) && Decode(known, code) is { Count: > 0 } found)
        {
            return found;
        }

        var spaces = await db.CodeSpaces.AsNoTracking().ToListAsync(ct);
        known = spaces.Select(s => (s.Id, s.Generator())).ToList();
        Known[database] = known;
        return Decode(known, code);
    }

    /// <summary>Every known space, loaded once, as a decoder for many codes (upload chunks).</summary>
    public static async Task<Func<string, IReadOnlyList<(long SpaceId, long Index)>>> DecoderAsync(CouponDbContext db, CancellationToken ct)
    {
        var spaces = (await db.CodeSpaces.AsNoTracking().ToListAsync(ct)).Select(s => (s.Id, s.Generator())).ToList();
        return code => Decode(spaces, code);
    }

    private static List<(long, long)> Decode(IReadOnlyList<(long Id, SpaceCodeGenerator Generator)> spaces, string code)
    {
        var found = new List<(long, long)>();
        foreach (var (id, generator) in spaces)
        {
            if (generator.CodeLength == code.Length && generator.TryIndexOf(code, out var index))
            {
                found.Add((id, index));
            }
        }

        return found;
    }
}
