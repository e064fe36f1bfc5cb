using System.Numerics;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Tests.Codes;

public class CodeCapacityTests
{
    [Fact]
    public void TheSeedsSampleTest12345HasSixtyMillionCodes() =>
        Assert.Equal(new BigInteger(60_466_176), CodeGenerators.Capacity(new GenerationSettings { Method = GenerationMethod.RandomizedCommon, SampleCode = "TEST12345" }));

    [Fact]
    public void AnAutoUniqueFormatHoldsAlphabetToTheLength() =>
        Assert.Equal(BigInteger.Pow(31, 8), CodeGenerators.Capacity(new GenerationSettings { Method = GenerationMethod.AutoUnique, Length = 8, Alphabet = CodeAlphabet.Unambiguous, Prefix = "WEL" }));

    [Fact]
    public void ACommonCodeIsOneCode() =>
        Assert.Equal(BigInteger.One, CodeGenerators.Capacity(new GenerationSettings { Method = GenerationMethod.Common, CommonCode = "HOLIDAY20" }));

    [Fact]
    public void UploadedCodesAndInvalidFormatsHaveNoComputedCapacity()
    {
        Assert.Null(CodeGenerators.Capacity(new GenerationSettings { Method = GenerationMethod.Uploaded }));
        Assert.Null(CodeGenerators.Capacity(new GenerationSettings { Method = GenerationMethod.AutoUnique, Length = 3, Alphabet = CodeAlphabet.Numeric }));
        Assert.Null(CodeGenerators.Capacity(new GenerationSettings { Method = GenerationMethod.RandomizedCommon, SampleCode = "AB1" }));
    }
}
