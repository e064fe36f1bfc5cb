using CouponAdmin.Core.Offers;

namespace CouponAdmin.Core.Codes;

public static class CodeGenerators
{
    /// <summary>
    /// The generator for an offer's (validated) settings and its series key. Uploaded codes are not generated:
    /// asking for their generator is a bug, so it throws.
    /// </summary>
    public static ICodeGenerator For(GenerationSettings settings, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Method switch
        {
            GenerationMethod.AutoUnique => new AutoUniqueCodeGenerator(
                settings.Length ?? throw Incomplete("a length"),
                settings.Alphabet ?? throw Incomplete("an alphabet"),
                settings.Prefix,
                key),
            GenerationMethod.Common => new CommonCodeGenerator(settings.CommonCode ?? throw Incomplete("the common code")),
            GenerationMethod.RandomizedCommon => new RandomizedCommonCodeGenerator(
                RandomizedCommonCode.FromSample(settings.SampleCode ?? throw Incomplete("a sample code")),
                key),
            GenerationMethod.Uploaded => throw new InvalidOperationException(
                "Uploaded codes come from the series' code pool, not from a generator."),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Method, "Unknown generation method."),
        };
    }

    private static InvalidOperationException Incomplete(string what) =>
        new($"The generation settings lack {what}; validate the offer before generating codes.");
}
