using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CouponAdmin.Core.Codes;

/// <summary>
/// A secret, keyed shuffle of [0, size): every value comes out exactly once, so a counter run through it gives
/// unique codes with no lookup, and without the key the next code cannot be guessed from earlier ones.
/// </summary>
/// <remarks>
/// An alternating Feistel network over the smallest power-of-two domain of at least two bits that holds
/// <see cref="Size"/>, with SipHash-2-4 as the round function (one 128-bit key, a subkey pair per round), and
/// cycle walking to stay below <see cref="Size"/>: since the domain is less than twice the size, a value needs
/// fewer than two Feistel passes on average. Sizes up to 2^128 - 1 are supported (36^20 needs 104 bits).
/// </remarks>
public sealed class KeyedPermutation
{
    /// <summary>Bytes in a key: 128 bits, SipHash's key size.</summary>
    public const int KeySize = 16;

    private const int Rounds = 8;

    private readonly UInt128 _size;
    private readonly int _rightBits;
    private readonly ulong _leftMask;
    private readonly ulong _rightMask;
    private readonly ulong[] _roundKeys = new ulong[2 * Rounds];

    public KeyedPermutation(UInt128 size, ReadOnlySpan<byte> key)
    {
        ArgumentOutOfRangeException.ThrowIfZero(size);
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"A permutation key is {KeySize} bytes, not {key.Length}.", nameof(key));
        }

        _size = size;
        var bits = Math.Max(2, 128 - (int)UInt128.LeadingZeroCount(size - 1));
        var leftBits = bits / 2;
        _rightBits = bits - leftBits;
        _leftMask = Mask(leftBits);
        _rightMask = Mask(_rightBits);

        var k0 = BinaryPrimitives.ReadUInt64LittleEndian(key);
        var k1 = BinaryPrimitives.ReadUInt64LittleEndian(key[8..]);
        for (var i = 0; i < _roundKeys.Length; i++)
        {
            // Domain separation: the subkeys depend on the domain width as well as the round.
            _roundKeys[i] = SipHash.Hash(k0, k1, 0x4B50_0000_0000_0000UL | ((ulong)bits << 16) | (uint)i);
        }
    }

    public UInt128 Size => _size;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeySize);

    public UInt128 Permute(UInt128 value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, _size);
        do
        {
            value = Encrypt(value);
        }
        while (value >= _size);

        return value;
    }

    /// <summary>The index whose image is <paramref name="value"/>: <c>Inverse(Permute(x)) == x</c>.</summary>
    public UInt128 Inverse(UInt128 value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, _size);
        do
        {
            value = Decrypt(value);
        }
        while (value >= _size);

        return value;
    }

    private UInt128 Encrypt(UInt128 value)
    {
        var left = (ulong)(value >> _rightBits);
        var right = (ulong)value & _rightMask;
        var keys = _roundKeys;
        for (var r = 0; r < Rounds; r += 2)
        {
            left ^= SipHash.Hash(keys[2 * r], keys[(2 * r) + 1], right) & _leftMask;
            right ^= SipHash.Hash(keys[(2 * r) + 2], keys[(2 * r) + 3], left) & _rightMask;
        }

        return ((UInt128)left << _rightBits) | right;
    }

    private UInt128 Decrypt(UInt128 value)
    {
        var left = (ulong)(value >> _rightBits);
        var right = (ulong)value & _rightMask;
        var keys = _roundKeys;
        for (var r = Rounds - 2; r >= 0; r -= 2)
        {
            right ^= SipHash.Hash(keys[(2 * r) + 2], keys[(2 * r) + 3], left) & _rightMask;
            left ^= SipHash.Hash(keys[2 * r], keys[(2 * r) + 1], right) & _leftMask;
        }

        return ((UInt128)left << _rightBits) | right;
    }

    private static ulong Mask(int bits) => bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;
}
