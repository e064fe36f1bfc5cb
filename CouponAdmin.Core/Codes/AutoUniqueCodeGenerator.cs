using CouponAdmin.Core.Offers;

namespace CouponAdmin.Core.Codes;

/// <summary>
/// "Auto unique" codes: the prefix (upper-cased) followed by <c>length</c> characters of the alphabet, so a code has
/// <c>prefix.Length + length</c> characters and the series holds |alphabet|^length of them.
/// </summary>
public sealed class AutoUniqueCodeGenerator(int length, CodeAlphabet alphabet, string? prefix, ReadOnlySpan<byte> key)
    : PermutedCodeGenerator(CodeFormat.Normalize(prefix ?? ""), Space(length, alphabet), key)
{
    private static CodeSpace Space(int length, CodeAlphabet alphabet)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, GenerationSettings.MinLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, GenerationSettings.MaxLength);
        return new CodeSpace(CodeAlphabets.For(alphabet), length);
    }
}
