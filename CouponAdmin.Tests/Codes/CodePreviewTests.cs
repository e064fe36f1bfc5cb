using System.Numerics;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Tests.Codes;

/// <summary>The live example code and capacity a marketer sees while choosing a code format.</summary>
public class CodePreviewTests
{
    [Fact]
    public void ARandomizedSampleShowsItsFixedPartAndTheSeedsCapacity()
    {
        var preview = CodePreview.For(new GenerationSettings { Method = GenerationMethod.RandomizedCommon, SampleCode = "TEST12345" });

        Assert.Equal("TEST", preview.FixedPart);
        Assert.Equal(5, preview.RandomLength);
        Assert.Equal(new BigInteger(60_466_176), preview.Capacity);
        Assert.StartsWith("TEST", preview.Example, StringComparison.Ordinal);
        Assert.Equal(9, preview.Example!.Length);
    }

    [Fact]
    public void ANumericSampleVariesInDigits()
    {
        var preview = CodePreview.For(new GenerationSettings { Method = GenerationMethod.RandomizedCommon, SampleCode = "4821937" });

        Assert.Equal("482", preview.FixedPart);
        Assert.Equal(new BigInteger(10_000), preview.Capacity);
        Assert.Matches("^482[0-9]{4}$", preview.Example);
    }

    [Fact]
    public void AnAutoUniqueExampleHasThePrefixTheLengthAndTheAlphabet()
    {
        var preview = CodePreview.For(new GenerationSettings { Method = GenerationMethod.AutoUnique, Length = 6, Alphabet = CodeAlphabet.Numeric, Prefix = "xmas" });

        Assert.Matches("^XMAS[0-9]{6}$", preview.Example);
        Assert.Equal(new BigInteger(1_000_000), preview.Capacity);
        Assert.Null(preview.FixedPart);
    }

    [Fact]
    public void TheExampleStaysTheSameWhileNothingChanges()
    {
        var settings = new GenerationSettings { Method = GenerationMethod.AutoUnique, Length = 8, Alphabet = CodeAlphabet.Unambiguous };

        Assert.Equal(CodePreview.For(settings).Example, CodePreview.For(settings).Example);
    }

    [Theory]
    [InlineData(GenerationMethod.AutoUnique, 2, null)]
    [InlineData(GenerationMethod.RandomizedCommon, 8, "AB")]
    [InlineData(GenerationMethod.Uploaded, 8, null)]
    public void InvalidOrUploadedSettingsHaveNoPreview(GenerationMethod method, int length, string? sample)
    {
        var preview = CodePreview.For(new GenerationSettings { Method = method, Length = length, SampleCode = sample });

        Assert.Null(preview.Example);
        Assert.Null(preview.Capacity);
    }
}
