namespace CouponAdmin.Core.Offers;

/// <summary>How messages name an offer's status and code method in plain words, never as enum names.</summary>
public static class OfferWords
{
    /// <summary>"an active offer", "a paused offer".</summary>
    public static string WithArticle(OfferStatus status)
    {
        var word = status.ToString().ToLowerInvariant();
        return $"{("aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a")} {word} offer";
    }

    public static string Method(GenerationMethod method) => method switch
    {
        GenerationMethod.AutoUnique => "automatically generated unique codes",
        GenerationMethod.Common => "one common code",
        GenerationMethod.RandomizedCommon => "randomized common codes",
        _ => "uploaded codes",
    };
}
