namespace CouponAdmin.Core.Codes;

/// <summary>"Randomized common" codes: the series' fixed part followed by a shuffled counter in the sample's alphabet.</summary>
public sealed class RandomizedCommonCodeGenerator(RandomizedCommonCode shape, ReadOnlySpan<byte> key)
    : PermutedCodeGenerator(shape.FixedPart, new CodeSpace(shape.RandomAlphabet, shape.RandomLength), key)
{
    public RandomizedCommonCode Shape { get; } = shape;
}
