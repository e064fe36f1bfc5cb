using System.Numerics;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Core.Codes;

/// <summary>
/// What a marketer sees while choosing a code format: an example code, how many distinct codes the format holds,
/// and for a randomized common code its fixed and random parts. Null fields mean the settings are not valid yet.
/// </summary>
public sealed record CodePreview(string? Example, BigInteger? Capacity, string? FixedPart, int RandomLength, string? RandomAlphabet)
{
    // A fixed key keeps the example stable while the marketer types; real series use their own secret key.
    private static readonly byte[] PreviewKey = new byte[KeyedPermutation.KeySize];

    public static CodePreview For(GenerationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var capacity = CodeGenerators.Capacity(settings);
        if (capacity is null)
        {
            return new(null, null, null, 0, null);
        }

        var example = CodeGenerators.For(settings, PreviewKey).CodeAt(Math.Min(7L, (long)(capacity.Value - 1)));
        if (settings.Method != GenerationMethod.RandomizedCommon)
        {
            return new(example, capacity, null, 0, null);
        }

        var shape = RandomizedCommonCode.FromSample(settings.SampleCode!);
        return new(example, capacity, shape.FixedPart, shape.RandomLength, shape.IsNumeric ? "digits 0–9" : "letters A–Z and digits 0–9");
    }
}
