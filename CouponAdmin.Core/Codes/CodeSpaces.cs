using System.Collections.Concurrent;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Codes;

/// <summary>A stored code space with its generator built once.</summary>
public sealed record KnownCodeSpace(GeneratedCodeSpace Space, SpaceCodeGenerator Generator);

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

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var created = await db.ScalarAsync<long>(CodeSpaceStatements.For(db.Dialect).Create, ct, ("@k", wanted.FormatKey), ("@f", wanted.FixedText), ("@a", wanted.Alphabet), ("@l", wanted.Length), ("@p", wanted.PermutationKey));
        if (created is { } id)
        {
            // Codes of this shape that other sources made before the space existed must never be generated again.
            wanted.Id = id;
            await HeldCodes.ClaimExistingAsync(db, wanted, ct);
        }

        var spaceId = created ?? await db.CodeSpaces.Where(s => s.FormatKey == wanted.FormatKey).Select(s => (long?)s.Id).SingleAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return spaceId;
    }

    /// <summary>
    /// Claims the indexes of the org's common codes in the generated spaces of their shape (idempotent, a handful of
    /// codes): for databases from before codes were one namespace, when a common code could have a generated shape unclaimed.
    /// </summary>
    public static async Task ClaimCommonCodesAsync(CouponDbContext db, CancellationToken ct)
    {
        var common = await db.Offers.AsNoTracking().Where(o => o.ReservedCode != null && o.ReservedCode.StartsWith("C:"))
            .Select(o => new { o.Id, o.ReservedCode }).ToListAsync(ct);
        foreach (var offer in common)
        {
            var code = offer.ReservedCode![2..];
            if (await HeldCodes.OwnerAsync(db, code, offer.Id, ct) is null)
            {
                await HeldCodes.ClaimAsync(db, code, ct);
            }
        }
    }

    /// <summary>The generator of an offer's codes: its space's permutation, or its one common code.</summary>
    public static async Task<ICodeGenerator> GeneratorAsync(CouponDbContext db, Offer offer, CancellationToken ct)
    {
        if (offer.CodeSpaceId is { } id)
        {
            return (await KnownAsync(db, ct)).First(k => k.Space.Id == id).Generator;
        }

        return CodeGenerators.For(offer.Definition.Coupon.Generation, []);
    }

    /// <summary>
    /// The spaces of each database with their generators built, kept between calls: a space never changes once made
    /// (only its counter, which decoding does not use), and none is ever deleted, so the highest id tells whether a
    /// space was created since (by this node or another).
    /// </summary>
    private static readonly ConcurrentDictionary<string, (long MaxId, IReadOnlyList<KnownCodeSpace> Spaces)> Known = new(StringComparer.Ordinal);

    /// <summary>Every stored space with its generator (counters as they were when loaded: read them fresh when they matter).</summary>
    public static async Task<IReadOnlyList<KnownCodeSpace>> KnownAsync(CouponDbContext db, CancellationToken ct)
    {
        var database = db.Database.GetConnectionString() ?? "";
        var maxId = await db.ScalarAsync<long>(CodeSpaceStatements.For(db.Dialect).MaxId, ct) ?? 0;
        if (Known.TryGetValue(database, out var known) && known.MaxId == maxId)
        {
            return known.Spaces;
        }

        var spaces = (await db.CodeSpaces.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct)).Select(s => new KnownCodeSpace(s, s.Generator())).ToList();
        Known[database] = (spaces.Count == 0 ? 0 : spaces[^1].Space.Id, spaces);
        return spaces;
    }

    /// <summary>The spaces that could have made <paramref name="code"/>, with the index each would give it.</summary>
    public static async Task<IReadOnlyList<(long SpaceId, long Index)>> DecodeAsync(CouponDbContext db, string code, CancellationToken ct) =>
        Decode(await KnownAsync(db, ct), code);

    /// <summary>Every known space, loaded once, as a decoder for many codes (upload chunks).</summary>
    public static async Task<Func<string, IReadOnlyList<(long SpaceId, long Index)>>> DecoderAsync(CouponDbContext db, CancellationToken ct)
    {
        var spaces = await KnownAsync(db, ct);
        return code => Decode(spaces, code);
    }

    internal static List<(long, long)> Decode(IReadOnlyList<KnownCodeSpace> spaces, string code)
    {
        var found = new List<(long, long)>();
        foreach (var (space, generator) in spaces)
        {
            if (generator.CodeLength == code.Length && generator.TryIndexOf(code, out var index))
            {
                found.Add((space.Id, index));
            }
        }

        return found;
    }
}
