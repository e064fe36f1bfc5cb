using CouponAdmin.Core.Codes;
using FsCheck.Xunit;

namespace CouponAdmin.Tests.Codes;

public class KeyedPermutationTests
{
    private static readonly UInt128 ThirtySixToTheTenth = (UInt128)3_656_158_440_062_976UL;

    [Fact]
    public void SipHashMatchesThePublishedTestVector()
    {
        // Reference vector: key 00 01 … 0f, message 00 01 … 07.
        Assert.Equal(0x93f5f5799a932462UL, SipHash.Hash(0x0706050403020100UL, 0x0f0e0d0c0b0a0908UL, 0x0706050403020100UL));
    }

    [Fact]
    public void EverySizeFromOneToTwoThousandIsShuffledIntoEachValueExactlyOnce()
    {
        for (var size = 1; size <= 2000; size++)
        {
            AssertBijection(new KeyedPermutation((UInt128)size, KeyedPermutation.NewKey()), size);
        }
    }

    [Property(MaxTest = 200)]
    public void RandomKeysShuffleSmallSizesIntoEachValueExactlyOnce(ulong k0, ulong k1, ushort sizeSeed)
    {
        var size = (sizeSeed % 5000) + 1;

        AssertBijection(new KeyedPermutation((UInt128)size, TestKeys.From(k0, k1)), size);
    }

    [Property(MaxTest = 10)]
    public void RandomKeysShuffleThirtySixCubedAndTenToTheFourthExactly(ulong k0, ulong k1)
    {
        var key = TestKeys.From(k0, k1);

        AssertBijection(new KeyedPermutation(46_656, key), 46_656);
        AssertBijection(new KeyedPermutation(10_000, key), 10_000);
    }

    [Property(MaxTest = 200)]
    public void InverseUndoesPermuteOnTheLargestCodeSpace(ulong k0, ulong k1, ulong high, ulong low)
    {
        var size = UInt128.Parse("13367494538843734067838845976576", System.Globalization.CultureInfo.InvariantCulture); // 36^20
        var permutation = new KeyedPermutation(size, TestKeys.From(k0, k1));
        var value = new UInt128(high, low) % size;

        var image = permutation.Permute(value);

        Assert.True(image < size);
        Assert.Equal(value, permutation.Inverse(image));
    }

    [Property(MaxTest = 50)]
    public void TheSameKeyAlwaysGivesTheSameSequence(ulong k0, ulong k1)
    {
        var first = new KeyedPermutation(ThirtySixToTheTenth, TestKeys.From(k0, k1));
        var second = new KeyedPermutation(ThirtySixToTheTenth, TestKeys.From(k0, k1));

        for (ulong i = 0; i < 1000; i++)
        {
            Assert.Equal(first.Permute(i), second.Permute(i));
        }
    }

    [Property(MaxTest = 50)]
    public void DifferentKeysGiveDifferentSequences(ulong k0, ulong k1, ulong other)
    {
        var key = TestKeys.From(k0, k1);
        var otherKey = TestKeys.From(k0 ^ (other | 1), k1);
        var first = new KeyedPermutation(ThirtySixToTheTenth, key);
        var second = new KeyedPermutation(ThirtySixToTheTenth, otherKey);

        var differences = Enumerable.Range(0, 100).Count(i => first.Permute((ulong)i) != second.Permute((ulong)i));

        // Two independent shuffles of 3.6e15 values agree on an index with negligible probability.
        Assert.Equal(100, differences);
    }

    [Fact]
    public void ConsecutiveIndexesLandFarApartNotInOrder()
    {
        var permutation = new KeyedPermutation(ThirtySixToTheTenth, KeyedPermutation.NewKey());
        var images = Enumerable.Range(0, 1000).Select(i => permutation.Permute((ulong)i)).ToArray();

        var ascending = images.Zip(images.Skip(1)).Count(pair => pair.First < pair.Second);
        var inLowestMillionth = images.Count(v => v < ThirtySixToTheTenth / 1_000_000);

        Assert.InRange(ascending, 400, 600);
        Assert.InRange(inLowestMillionth, 0, 3);
    }

    [Fact]
    public void NewKeysAreSixteenRandomBytes()
    {
        var first = KeyedPermutation.NewKey();
        var second = KeyedPermutation.NewKey();

        Assert.Equal(KeyedPermutation.KeySize, first.Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void AKeyOfTheWrongLengthIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new KeyedPermutation(100, new byte[32]));
    }

    [Fact]
    public void AnEmptyDomainIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeyedPermutation(0, KeyedPermutation.NewKey()));
    }

    [Fact]
    public void AValueOutsideTheDomainIsRefused()
    {
        var permutation = new KeyedPermutation(10, KeyedPermutation.NewKey());

        Assert.Throws<ArgumentOutOfRangeException>(() => permutation.Permute(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => permutation.Inverse(10));
    }

    private static void AssertBijection(KeyedPermutation permutation, int size)
    {
        var seen = new bool[size];
        for (var i = 0; i < size; i++)
        {
            var image = permutation.Permute((UInt128)i);
            if (image >= (UInt128)size || seen[(int)image])
            {
                Assert.Fail($"size {size}: {i} went to {image}, which is out of range or came out before");
            }

            seen[(int)image] = true;
            if (permutation.Inverse(image) != (UInt128)i)
            {
                Assert.Fail($"size {size}: the inverse of {image} is not {i}");
            }
        }

        Assert.All(seen, Assert.True);
    }
}
