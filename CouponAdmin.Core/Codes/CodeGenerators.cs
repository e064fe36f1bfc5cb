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

    /// <summary>
    /// How many distinct codes the settings' format can make (alphabet^random length; 1 for a common code),
    /// or null for uploaded codes, whose pool is what was uploaded. Invalid settings have no capacity either.
    /// </summary>
    public static System.Numerics.BigInteger? Capacity(GenerationSettings settings)
    {
        if (settings.Method == GenerationMethod.Uploaded)
        {
            return null;
        }

        var probe = new OfferDefinition { Coupon = new CouponSettings { Generation = settings } };
        var invalid = OfferValidator.Validate(probe).Any(e => e.Path.StartsWith("coupon.generation", StringComparison.Ordinal));
        return invalid ? null : For(settings, new byte[KeyedPermutation.KeySize]).Capacity;
    }

    private static InvalidOperationException Incomplete(string what) =>
        new($"The generation settings lack {what}; validate the offer before generating codes.");
}
