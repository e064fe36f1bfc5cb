namespace CouponAdmin.Core.Codes;

/// <summary>A generator rebuilt from a stored code space: fixed text, alphabet, length and key.</summary>
public sealed class SpaceCodeGenerator(string fixedText, string alphabet, int length, ReadOnlySpan<byte> key)
    : PermutedCodeGenerator(fixedText, new CodeSpace(alphabet, length), key);
