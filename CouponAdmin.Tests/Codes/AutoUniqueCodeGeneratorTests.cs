using System.Numerics;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Offers;
using FsCheck.Xunit;

namespace CouponAdmin.Tests.Codes;

public class AutoUniqueCodeGeneratorTests
{
    private static readonly CodeAlphabet[] Alphabets = [CodeAlphabet.Numeric, CodeAlphabet.Alphanumeric, CodeAlphabet.Unambiguous];

    [Property(MaxTest = 100)]
    public void GeneratedCodesAreUniqueOfTheRightLengthInTheAlphabetAndShareThePrefix(ulong k0, ulong k1, byte lengthSeed, byte alphabetSeed, ulong prefixSeed)
    {
        var length = GenerationSettings.MinLength + (lengthSeed % (GenerationSettings.MaxLength - GenerationSettings.MinLength + 1));
        var alphabet = Alphabets[alphabetSeed % Alphabets.Length];
        var prefix = Prefix(prefixSeed);
        var generator = new AutoUniqueCodeGenerator(length, alphabet, prefix, TestKeys.From(k0, k1));
        var reachable = (long)BigInteger.Min(generator.Capacity, long.MaxValue);

        var codes = TestKeys.SampleIndexes(k0 ^ prefixSeed, reachable, 300, 300).Select(generator.CodeAt).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        var characters = CodeAlphabets.For(alphabet);
        Assert.All(codes, code =>
        {
            Assert.Equal(prefix.Length + length, code.Length);
            Assert.StartsWith(prefix.ToUpperInvariant(), code, StringComparison.Ordinal);
            Assert.All(code[prefix.Length..], c => Assert.Contains(c, characters));
        });
    }

    [Theory]
    [InlineData(CodeAlphabet.Numeric, 4, "10000")]
    [InlineData(CodeAlphabet.Unambiguous, 8, "852891037441")]
    [InlineData(CodeAlphabet.Alphanumeric, 10, "3656158440062976")]
    [InlineData(CodeAlphabet.Alphanumeric, 20, "13367494538843734067838845976576")]
    public void CapacityIsTheAlphabetSizeToThePowerOfTheLength(CodeAlphabet alphabet, int length, string expected)
    {
        var generator = new AutoUniqueCodeGenerator(length, alphabet, "X", KeyedPermutation.NewKey());

        Assert.Equal(BigInteger.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), generator.Capacity);
    }

    [Fact]
    public void AFourDigitSeriesHandsOutEveryCodeFrom0000To9999ExactlyOnce()
    {
        var generator = new AutoUniqueCodeGenerator(4, CodeAlphabet.Numeric, null, KeyedPermutation.NewKey());

        var codes = Enumerable.Range(0, 10_000).Select(i => generator.CodeAt(i)).ToHashSet();

        Assert.Equal(10_000, codes.Count);
        Assert.All(Enumerable.Range(0, 10_000), n => Assert.Contains(n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), codes));
    }

    [Fact]
    public void CodesDoNotComeOutInCounterOrder()
    {
        var generator = new AutoUniqueCodeGenerator(10, CodeAlphabet.Alphanumeric, null, KeyedPermutation.NewKey());

        var codes = Enumerable.Range(0, 200).Select(i => generator.CodeAt(i)).ToList();

        Assert.NotEqual(codes.Order(StringComparer.Ordinal), codes);
        Assert.True(codes.Count(c => c.StartsWith("0000", StringComparison.Ordinal)) < 3);
    }

    [Property(MaxTest = 30)]
    public void TheSameKeyGivesTheSameCodesAndAnotherKeyOtherCodes(ulong k0, ulong k1)
    {
        var key = TestKeys.From(k0, k1);
        var first = new AutoUniqueCodeGenerator(10, CodeAlphabet.Alphanumeric, "SUM", key);
        var again = new AutoUniqueCodeGenerator(10, CodeAlphabet.Alphanumeric, "SUM", key);
        var other = new AutoUniqueCodeGenerator(10, CodeAlphabet.Alphanumeric, "SUM", TestKeys.From(~k0, k1));

        var codes = Enumerable.Range(0, 100).Select(i => first.CodeAt(i)).ToList();

        Assert.Equal(codes, Enumerable.Range(0, 100).Select(i => again.CodeAt(i)));
        Assert.Empty(codes.Intersect(Enumerable.Range(0, 100).Select(i => other.CodeAt(i))));
    }

    [Fact]
    public void WritingCodesInBulkGivesTheSameCodesAsOneByOne()
    {
        var generator = new AutoUniqueCodeGenerator(12, CodeAlphabet.Unambiguous, "AB", KeyedPermutation.NewKey());
        var buffer = new char[generator.CodeLength * 50];

        generator.WriteCodes(1_000, buffer);

        var bulk = Enumerable.Range(0, 50).Select(i => new string(buffer, i * generator.CodeLength, generator.CodeLength));
        Assert.Equal(Enumerable.Range(1_000, 50).Select(i => generator.CodeAt(i)), bulk);
    }

    [Fact]
    public void ABufferThatDoesNotHoldWholeCodesIsRefused()
    {
        var generator = new AutoUniqueCodeGenerator(8, CodeAlphabet.Alphanumeric, null, KeyedPermutation.NewKey());

        Assert.Throws<ArgumentException>(() => generator.WriteCodes(0, new char[12]));
        Assert.Throws<ArgumentException>(() => generator.WriteCode(0, new char[7]));
    }

    [Fact]
    public void ALowerCasePrefixIsWrittenInUpperCase()
    {
        var generator = new AutoUniqueCodeGenerator(6, CodeAlphabet.Numeric, "xmas", KeyedPermutation.NewKey());

        Assert.StartsWith("XMAS", generator.CodeAt(0), StringComparison.Ordinal);
        Assert.Equal(10, generator.CodeLength);
    }

    [Fact]
    public void ATwentyCharacterSeriesReachesTheLastLongIndex()
    {
        var generator = new AutoUniqueCodeGenerator(20, CodeAlphabet.Alphanumeric, null, KeyedPermutation.NewKey());

        var last = generator.CodeAt(long.MaxValue);
        var before = generator.CodeAt(long.MaxValue - 1);

        Assert.Equal(20, last.Length);
        Assert.NotEqual(before, last);
    }

    [Fact]
    public void AnIndexPastTheCapacityOrNegativeIsRefused()
    {
        var generator = new AutoUniqueCodeGenerator(4, CodeAlphabet.Numeric, null, KeyedPermutation.NewKey());

        Assert.Throws<ArgumentOutOfRangeException>(() => generator.CodeAt(10_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.CodeAt(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.WriteCodes(9_999, new char[8]));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(21)]
    public void ALengthOutsideFourToTwentyIsRefused(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AutoUniqueCodeGenerator(length, CodeAlphabet.Numeric, null, KeyedPermutation.NewKey()));
    }

    private static string Prefix(ulong seed)
    {
        const string characters = "abcxyzABCXYZ0189";
        var length = (int)(seed % (GenerationSettings.MaxPrefixLength + 1));
        return string.Concat(Enumerable.Range(0, length).Select(i => characters[(int)((seed >> (4 + (4 * i))) & 15)]));
    }
}
