using System.Numerics;

namespace CouponAdmin.Core.Codes;

/// <summary>
/// Turns a series' coupon counter (0, 1, 2, …) into codes. The same settings and key always give the same code for
/// an index, so issuing only needs to remember how many codes were used.
/// </summary>
public interface ICodeGenerator
{
    /// <summary>
    /// How many distinct codes the generator can make. Indexes are <see cref="long"/>, so at most 2^63 of them are
    /// reachable even when this is larger (36^20); no series issues that many.
    /// </summary>
    BigInteger Capacity { get; }

    /// <summary>True when every index gives the same code (a common code): capacity does not limit issuing.</summary>
    bool IsShared { get; }

    /// <summary>Characters in every code, including any prefix or fixed part.</summary>
    int CodeLength { get; }

    string CodeAt(long index);

    /// <summary>The index that gives <paramref name="code"/> (normalised), or false when this generator never makes it.</summary>
    bool TryIndexOf(string code, out long index);

    /// <summary>Writes the code for <paramref name="index"/> into exactly <see cref="CodeLength"/> characters.</summary>
    void WriteCode(long index, Span<char> destination);

    /// <summary>
    /// Writes the codes for <paramref name="firstIndex"/>, <paramref name="firstIndex"/> + 1, … back to back,
    /// as many as fit: <c>destination.Length</c> must be a multiple of <see cref="CodeLength"/>. Allocates nothing.
    /// </summary>
    void WriteCodes(long firstIndex, Span<char> destination);
}
