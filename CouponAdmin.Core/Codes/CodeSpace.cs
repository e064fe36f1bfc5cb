namespace CouponAdmin.Core.Codes;

/// <summary>All strings of <see cref="Length"/> characters over an alphabet, numbered 0 … Capacity − 1 like digits of a number.</summary>
public sealed class CodeSpace
{
    private readonly string _alphabet;
    private readonly ulong _radix;

    // Numbers above 64 bits are rendered in chunks of this many digits, so the digit loop stays in 64-bit arithmetic.
    private readonly int _chunkDigits;
    private readonly ulong _chunkDivisor;

    public CodeSpace(string alphabet, int length)
    {
        ArgumentException.ThrowIfNullOrEmpty(alphabet);
        ArgumentOutOfRangeException.ThrowIfLessThan(alphabet.Length, 2, nameof(alphabet));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);

        _alphabet = alphabet;
        _radix = (ulong)alphabet.Length;
        Length = length;

        UInt128 capacity = 1;
        for (var i = 0; i < length; i++)
        {
            capacity = checked(capacity * _radix);
        }

        Capacity = capacity;

        _chunkDivisor = 1;
        while (_chunkDivisor <= ulong.MaxValue / _radix)
        {
            _chunkDivisor *= _radix;
            _chunkDigits++;
        }
    }

    public string Alphabet => _alphabet;

    public int Length { get; }

    /// <summary><c>|alphabet|^length</c>; 36^20 is about 2^103, hence 128 bits.</summary>
    public UInt128 Capacity { get; }

    /// <summary>Writes <paramref name="number"/> in base |alphabet|, padded with the alphabet's first character.</summary>
    public void Render(UInt128 number, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(number, Capacity);
        if (destination.Length != Length)
        {
            throw new ArgumentException($"The code needs {Length} characters, the buffer has {destination.Length}.", nameof(destination));
        }

        var end = destination.Length;
        while (number > ulong.MaxValue)
        {
            (number, var chunk) = UInt128.DivRem(number, _chunkDivisor);
            RenderDigits((ulong)chunk, destination.Slice(end - _chunkDigits, _chunkDigits));
            end -= _chunkDigits;
        }

        RenderDigits((ulong)number, destination[..end]);
    }

    /// <summary>The number <see cref="Render"/> turns into <paramref name="text"/>, or false if it is not a code of this space.</summary>
    public bool TryParse(ReadOnlySpan<char> text, out UInt128 number)
    {
        number = 0;
        if (text.Length != Length)
        {
            return false;
        }

        foreach (var c in text)
        {
            var digit = _alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            number = (number * _radix) + (ulong)digit;
        }

        return number < Capacity;
    }

    private void RenderDigits(ulong number, Span<char> destination)
    {
        var alphabet = _alphabet;
        var radix = _radix;
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            var quotient = number / radix;
            destination[i] = alphabet[(int)(number - (quotient * radix))];
            number = quotient;
        }
    }
}
