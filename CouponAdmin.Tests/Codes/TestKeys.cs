using System.Buffers.Binary;

namespace CouponAdmin.Tests.Codes;

/// <summary>Keys and pseudo-random numbers built from the values FsCheck generates, so a failing case replays.</summary>
internal static class TestKeys
{
    public static byte[] From(ulong a, ulong b)
    {
        var key = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(key, a);
        BinaryPrimitives.WriteUInt64LittleEndian(key.AsSpan(8), b);
        return key;
    }

    /// <summary>SplitMix64: a stream of well-spread numbers from one seed.</summary>
    public static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The first <paramref name="leading"/> indexes and <paramref name="spread"/> more anywhere below <paramref name="capacity"/>, without repeats.</summary>
    public static long[] SampleIndexes(ulong seed, long capacity, int leading, int spread)
    {
        var indexes = new HashSet<long>();
        for (long i = 0; i < Math.Min(leading, capacity); i++)
        {
            indexes.Add(i);
        }

        for (var i = 0; i < spread; i++)
        {
            indexes.Add((long)(Next(ref seed) % (ulong)capacity));
        }

        return [.. indexes];
    }
}
