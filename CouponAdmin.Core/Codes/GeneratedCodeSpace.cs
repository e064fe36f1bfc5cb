using System.Security.Cryptography;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Core.Codes;

/// <summary>
/// One stored code space: fixed text, alphabet, length, the permutation key and the counter of used indexes.
/// Offers with the same auto-unique format share a space, and a randomized-common fixed part is its own, so a
/// generated code is unique in the org by construction and a coupon is found from its code by inverting the
/// permutation: no index on random code strings, which keeps bulk inserts sequential.
/// </summary>
public sealed class GeneratedCodeSpace
{
    public const int KeySize = 16;

    public long Id { get; set; }
    public string FormatKey { get; set; } = "";
    public string FixedText { get; set; } = "";
    public string Alphabet { get; set; } = "";
    public int Length { get; set; }
    public byte[] PermutationKey { get; set; } = [];
    public long NextCodeIndex { get; set; }

    /// <summary>Characters in a code of this space: the fixed text and the random part.</summary>
    public int CodeLength => FixedText.Length + Length;

    public SpaceCodeGenerator Generator() => new(FixedText, Alphabet, Length, PermutationKey);

    /// <summary>
    /// Whether one code could come from both spaces: the same length and, at every position, a character both allow
    /// ("1" + 4 digits and "12" + 3 digits overlap; a prefix "WEL" and a prefix "ABC" do not).
    /// </summary>
    public bool Overlaps(GeneratedCodeSpace other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (CodeLength != other.CodeLength)
        {
            return false;
        }

        for (var position = 0; position < CodeLength; position++)
        {
            if (!CharactersAt(position).Any(c => other.Allows(position, c)))
            {
                return false;
            }
        }

        return true;
    }

    private string CharactersAt(int position) => position < FixedText.Length ? FixedText[position].ToString() : Alphabet;

    private bool Allows(int position, char c) => position < FixedText.Length ? FixedText[position] == c : Alphabet.Contains(c, StringComparison.Ordinal);

    /// <summary>The space an offer's settings draw codes from, or null when its codes are not generated.</summary>
    public static GeneratedCodeSpace? For(GenerationSettings g) => g.Method switch
    {
        GenerationMethod.AutoUnique => Create("A", CodeFormat.Normalize(g.Prefix ?? ""), CodeAlphabets.For(g.Alphabet!.Value), g.Length!.Value),
        GenerationMethod.RandomizedCommon => Randomized(RandomizedCommonCode.FromSample(g.SampleCode!)),
        _ => null,
    };

    private static GeneratedCodeSpace Randomized(RandomizedCommonCode shape) =>
        Create("R", shape.FixedPart, shape.RandomAlphabet, shape.RandomLength);

    private static GeneratedCodeSpace Create(string kind, string fixedText, string alphabet, int length) => new()
    {
        FormatKey = $"{kind}:{fixedText}:{alphabet.Length}:{length}",
        FixedText = fixedText,
        Alphabet = alphabet,
        Length = length,
        PermutationKey = RandomNumberGenerator.GetBytes(KeySize),
    };
}
