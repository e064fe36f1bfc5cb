using System.Numerics;

namespace CouponAdmin.Core.Codes;

/// <summary>"Common code": everyone receives the same code, so every index gives it.</summary>
public sealed class CommonCodeGenerator : ICodeGenerator
{
    private readonly string _code;

    public CommonCodeGenerator(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        _code = CodeFormat.Normalize(code);
    }

    public BigInteger Capacity => BigInteger.One;

    public bool IsShared => true;

    public int CodeLength => _code.Length;

    public string CodeAt(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return _code;
    }

    public bool TryIndexOf(string code, out long index)
    {
        index = 0;
        return string.Equals(code, _code, StringComparison.Ordinal);
    }

    public void WriteCode(long index, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (destination.Length != _code.Length)
        {
            throw new ArgumentException($"The code has {_code.Length} characters, the buffer has {destination.Length}.", nameof(destination));
        }

        _code.CopyTo(destination);
    }

    public void WriteCodes(long firstIndex, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstIndex);
        if (destination.Length % _code.Length != 0)
        {
            throw new ArgumentException($"The buffer of {destination.Length} characters does not hold whole codes of {_code.Length}.", nameof(destination));
        }

        for (var start = 0; start < destination.Length; start += _code.Length)
        {
            _code.CopyTo(destination[start..]);
        }
    }
}
