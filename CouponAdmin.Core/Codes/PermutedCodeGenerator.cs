using System.Numerics;

namespace CouponAdmin.Core.Codes;

/// <summary>
/// A fixed text followed by the index, shuffled by a <see cref="KeyedPermutation"/> over the code space and written
/// in the space's alphabet: unique by construction, unpredictable without the key.
/// </summary>
public abstract class PermutedCodeGenerator : ICodeGenerator
{
    private readonly string _fixedText;
    private readonly CodeSpace _space;
    private readonly KeyedPermutation _permutation;

    protected PermutedCodeGenerator(string fixedText, CodeSpace space, ReadOnlySpan<byte> key)
    {
        _fixedText = fixedText;
        _space = space;
        _permutation = new KeyedPermutation(space.Capacity, key);
        Capacity = (BigInteger)space.Capacity;
        CodeLength = fixedText.Length + space.Length;
    }

    public BigInteger Capacity { get; }

    public bool IsShared => false;

    public int CodeLength { get; }

    public string CodeAt(long index) =>
        string.Create(CodeLength, (Generator: this, Index: index), static (span, state) => state.Generator.WriteCode(state.Index, span));

    public void WriteCode(long index, Span<char> destination)
    {
        if (destination.Length != CodeLength)
        {
            throw new ArgumentException($"A code has {CodeLength} characters, the buffer has {destination.Length}.", nameof(destination));
        }

        Write(index, destination);
    }

    public void WriteCodes(long firstIndex, Span<char> destination)
    {
        if (destination.Length % CodeLength != 0)
        {
            throw new ArgumentException($"The buffer of {destination.Length} characters does not hold whole codes of {CodeLength}.", nameof(destination));
        }

        var count = destination.Length / CodeLength;
        ArgumentOutOfRangeException.ThrowIfNegative(firstIndex);
        if (count > 0 && (ulong)firstIndex + (ulong)(count - 1) >= _space.Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(firstIndex), firstIndex, $"Codes {firstIndex} to {firstIndex + count - 1} go past the capacity of {Capacity}.");
        }

        for (var i = 0; i < count; i++)
        {
            Write(firstIndex + i, destination.Slice(i * CodeLength, CodeLength));
        }
    }

    /// <summary>The counter index whose code is <paramref name="code"/> (already normalised), or false if it is not one of ours.</summary>
    public bool TryIndexOf(string code, out long index)
    {
        index = -1;
        if (code.Length != CodeLength || !code.StartsWith(_fixedText, StringComparison.Ordinal)
            || !_space.TryParse(code.AsSpan(_fixedText.Length), out var number))
        {
            return false;
        }

        var original = _permutation.Inverse(number);
        if (original > long.MaxValue)
        {
            return false;
        }

        index = (long)original;
        return true;
    }

    private void Write(long index, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if ((ulong)index >= _space.Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Only {Capacity} codes exist.");
        }

        _fixedText.CopyTo(destination);
        _space.Render(_permutation.Permute((ulong)index), destination[_fixedText.Length..]);
    }
}
