using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Tests.Codes;

public class CommonCodeTests
{
    [Theory]
    [InlineData("summer50", "SUMMER50")]
    [InlineData(" abcd-1234 xy ", "ABCD1234XY")]
    [InlineData("AB–CD", "ABCD")]
    public void ATypedCodeIsNormalisedToUpperCaseWithoutSpacesOrDashes(string typed, string expected)
    {
        Assert.Equal(expected, CodeFormat.Normalize(typed));
    }

    [Fact]
    public void EveryoneGetsTheSameNormalisedCommonCode()
    {
        var generator = new CommonCodeGenerator("summer-50");

        Assert.True(generator.IsShared);
        Assert.Equal("SUMMER50", generator.CodeAt(0));
        Assert.Equal("SUMMER50", generator.CodeAt(1_000_000));
        var buffer = new char[16];
        generator.WriteCodes(7, buffer);
        Assert.Equal("SUMMER50SUMMER50", new string(buffer));
    }

    [Fact]
    public void TheUnambiguousAlphabetLeavesOutCharactersThatAreEasilyMisread()
    {
        Assert.Equal(31, CodeAlphabets.Unambiguous.Distinct().Count());
        Assert.DoesNotContain(CodeAlphabets.Unambiguous, c => "0O1IL".Contains(c, StringComparison.Ordinal));
        Assert.Equal(36, CodeAlphabets.Alphanumeric.Distinct().Count());
        Assert.Equal(CodeAlphabets.Alphanumeric, CodeAlphabets.For(CodeAlphabet.Alphanumeric));
        Assert.Equal("0123456789", CodeAlphabets.For(CodeAlphabet.Numeric));
    }

    [Fact]
    public void TheFactoryBuildsAnAutoUniqueGeneratorFromTheSettings()
    {
        var settings = new GenerationSettings { Method = GenerationMethod.AutoUnique, Length = 8, Alphabet = CodeAlphabet.Numeric, Prefix = "GO" };

        var generator = CodeGenerators.For(settings, KeyedPermutation.NewKey());

        Assert.IsType<AutoUniqueCodeGenerator>(generator);
        Assert.Equal(100_000_000, (long)generator.Capacity);
        Assert.Matches("^GO[0-9]{8}$", generator.CodeAt(42));
    }

    [Fact]
    public void TheFactoryBuildsARandomizedCommonGeneratorFromTheSample()
    {
        var settings = new GenerationSettings { Method = GenerationMethod.RandomizedCommon, SampleCode = "TEST12345" };

        var generator = CodeGenerators.For(settings, KeyedPermutation.NewKey());

        Assert.Equal(60_466_176, (long)generator.Capacity);
        Assert.Matches("^TEST[0-9A-Z]{5}$", generator.CodeAt(42));
    }

    [Fact]
    public void TheFactoryBuildsACommonCodeGenerator()
    {
        var settings = new GenerationSettings { Method = GenerationMethod.Common, CommonCode = "Welcome10" };

        var generator = CodeGenerators.For(settings, KeyedPermutation.NewKey());

        Assert.True(generator.IsShared);
        Assert.Equal("WELCOME10", generator.CodeAt(3));
    }

    [Fact]
    public void UploadedCodesHaveNoGenerator()
    {
        var settings = new GenerationSettings { Method = GenerationMethod.Uploaded };

        var error = Assert.Throws<InvalidOperationException>(() => CodeGenerators.For(settings, KeyedPermutation.NewKey()));
        Assert.Contains("pool", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IncompleteSettingsAreABug()
    {
        var settings = new GenerationSettings { Method = GenerationMethod.AutoUnique, Length = null };

        Assert.Throws<InvalidOperationException>(() => CodeGenerators.For(settings, KeyedPermutation.NewKey()));
    }
}
