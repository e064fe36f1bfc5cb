using CouponAdmin.Core.Codes;
using FsCheck.Xunit;

namespace CouponAdmin.Tests.Codes;

public class RandomizedCommonCodeTests
{
    [Fact]
    public void TheSampleTest12345FixesTestAndVariesFiveAlphanumericCharacters()
    {
        var shape = RandomizedCommonCode.FromSample("TEST12345");

        Assert.Equal("TEST", shape.FixedPart);
        Assert.Equal(5, shape.RandomLength);
        Assert.False(shape.IsNumeric);
        Assert.Equal(60_466_176, shape.Capacity);
    }

    [Fact]
    public void ATenCharacterAlphanumericSampleHoldsSixtyMillionCodes()
    {
        var shape = RandomizedCommonCode.FromSample("SUMMER2026");

        Assert.Equal("SUMME", shape.FixedPart);
        Assert.Equal(60_466_176, shape.Capacity);
        Assert.Equal(60_466_176, (long)new RandomizedCommonCodeGenerator(shape, KeyedPermutation.NewKey()).Capacity);
    }

    [Fact]
    public void ATenDigitSampleMakesNumericCodesWithAHundredThousandOfThem()
    {
        var shape = RandomizedCommonCode.FromSample("4711098765");

        Assert.True(shape.IsNumeric);
        Assert.Equal("47110", shape.FixedPart);
        Assert.Equal(100_000, shape.Capacity);
    }

    [Fact]
    public void AFiveCharacterSampleFixesTwoAndVariesThree()
    {
        var shape = RandomizedCommonCode.FromSample("ab123");

        Assert.Equal("AB", shape.FixedPart);
        Assert.Equal(3, shape.RandomLength);
        Assert.Equal(46_656, shape.Capacity);
    }

    [Theory]
    [InlineData("ABCD")]
    [InlineData("ABCDE123456")]
    [InlineData("AB#12")]
    public void ASampleThatIsNotFiveToTenLettersOrDigitsIsRefused(string sample)
    {
        Assert.Throws<ArgumentException>(() => RandomizedCommonCode.FromSample(sample));
    }

    [Property(MaxTest = 100)]
    public void GeneratedCodesAreUniqueOfTheSampleLengthAndShareTheFixedPart(ulong k0, ulong k1, ulong sampleSeed, bool numeric)
    {
        var sample = Sample(sampleSeed, numeric);
        var shape = RandomizedCommonCode.FromSample(sample);
        var generator = new RandomizedCommonCodeGenerator(shape, TestKeys.From(k0, k1));

        var codes = TestKeys.SampleIndexes(sampleSeed, shape.Capacity, 300, 300).Select(generator.CodeAt).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        var alphabet = numeric ? CodeAlphabets.Numeric : CodeAlphabets.Alphanumeric;
        Assert.All(codes, code =>
        {
            Assert.Equal(sample.Length, code.Length);
            Assert.StartsWith(shape.FixedPart, code, StringComparison.Ordinal);
            Assert.All(code[shape.FixedPart.Length..], c => Assert.Contains(c, alphabet));
        });
    }

    [Fact]
    public void AFiveDigitSampleHandsOutEveryCodeOfItsSpaceExactlyOnce()
    {
        var generator = new RandomizedCommonCodeGenerator(RandomizedCommonCode.FromSample("12345"), KeyedPermutation.NewKey());

        var codes = Enumerable.Range(0, 1000).Select(i => generator.CodeAt(i)).ToHashSet();

        Assert.Equal(1000, codes.Count);
        Assert.All(Enumerable.Range(0, 1000), n => Assert.Contains($"12{n:D3}", codes));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.CodeAt(1000));
    }

    [Property(MaxTest = 30)]
    public void TheSameKeyGivesTheSameCodesAndAnotherKeyOtherCodes(ulong k0, ulong k1)
    {
        var shape = RandomizedCommonCode.FromSample("TEST12345");
        var first = new RandomizedCommonCodeGenerator(shape, TestKeys.From(k0, k1));
        var again = new RandomizedCommonCodeGenerator(shape, TestKeys.From(k0, k1));
        var other = new RandomizedCommonCodeGenerator(shape, TestKeys.From(k0, ~k1));

        var codes = Enumerable.Range(0, 100).Select(i => first.CodeAt(i)).ToList();

        Assert.Equal(codes, Enumerable.Range(0, 100).Select(i => again.CodeAt(i)));
        Assert.NotEqual(codes, Enumerable.Range(0, 100).Select(i => other.CodeAt(i)));
    }

    [Theory]
    [InlineData("TEST", 0, "TEST")]
    [InlineData("TEST", 1, "TESU")]
    [InlineData("TEST", 7, "TETA")]
    [InlineData("AB19", 1, "AB20")]
    [InlineData("ZZ", 1, "AA")]
    [InlineData("47110", 3, "47113")]
    public void AlternativeFixedPartsCountOnLikeAnOdometer(string fixedPart, int attempt, string expected)
    {
        Assert.Equal(expected, RandomizedCommonCode.AlternativeFixedPart(fixedPart, attempt));
    }

    [Property(MaxTest = 100)]
    public void AlternativeFixedPartsKeepTheShapeAndNeverRepeat(ulong sampleSeed, bool numeric)
    {
        var fixedPart = RandomizedCommonCode.FromSample(Sample(sampleSeed, numeric)).FixedPart;

        var alternatives = Enumerable.Range(0, 100).Select(a => RandomizedCommonCode.AlternativeFixedPart(fixedPart, a)).ToList();

        Assert.Equal(alternatives.Count, alternatives.Distinct().Count());
        Assert.All(alternatives, alternative =>
        {
            Assert.Equal(fixedPart.Length, alternative.Length);
            Assert.All(fixedPart.Zip(alternative), pair => Assert.Equal(char.IsAsciiDigit(pair.First), char.IsAsciiDigit(pair.Second)));
        });
    }

    [Fact]
    public void ATakenFixedPartIsReplacedByTheFirstFreeAlternative()
    {
        var taken = new HashSet<string> { "TEST", "TESU" };

        var shape = RandomizedCommonCode.FromSample("TEST12345").WithFreeFixedPart(taken.Contains);

        Assert.NotNull(shape);
        Assert.Equal("TESV", shape.FixedPart);
        Assert.Equal("TESV12345", shape.SampleCode);
        Assert.StartsWith("TESV", new RandomizedCommonCodeGenerator(shape, KeyedPermutation.NewKey()).CodeAt(0), StringComparison.Ordinal);
    }

    [Fact]
    public void AFreeFixedPartIsKept()
    {
        var shape = RandomizedCommonCode.FromSample("TEST12345").WithFreeFixedPart(_ => false);

        Assert.Equal("TEST", shape?.FixedPart);
    }

    [Fact]
    public void WhenEveryVariantIsTakenThereIsNoFreeFixedPart()
    {
        var asked = new HashSet<string>();

        var shape = RandomizedCommonCode.FromSample("12345").WithFreeFixedPart(candidate =>
        {
            asked.Add(candidate);
            return true;
        });

        Assert.Null(shape);
        Assert.Equal(100, asked.Count);
    }

    private static string Sample(ulong seed, bool numeric)
    {
        var alphabet = numeric ? CodeAlphabets.Numeric : CodeAlphabets.Alphanumeric;
        var length = 5 + (int)(seed % 6);
        var sample = string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[(int)(TestKeys.Next(ref seed) % (ulong)alphabet.Length)]));
        return numeric || sample.Any(char.IsAsciiLetter) ? sample : "X" + sample[1..];
    }
}
