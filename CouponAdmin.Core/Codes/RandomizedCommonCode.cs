using CouponAdmin.Core.Offers;

namespace CouponAdmin.Core.Codes;

/// <summary>
/// The shape of a "randomized common" series, read from the marketer's sample code: the first ⌊L/2⌋ characters are
/// fixed for every code, the remaining characters vary. "TEST12345" → fixed "TEST", 5 random characters of 0-9A-Z.
/// </summary>
public sealed class RandomizedCommonCode
{
    private readonly string _sampleTail;

    private RandomizedCommonCode(string fixedPart, string sampleTail, bool isNumeric)
    {
        FixedPart = fixedPart;
        _sampleTail = sampleTail;
        IsNumeric = isNumeric;
    }

    /// <summary>Upper-case; unique among the org's randomized common series.</summary>
    public string FixedPart { get; }

    /// <summary>A sample of all digits makes numeric codes; any letter makes 36-character alphanumeric codes.</summary>
    public bool IsNumeric { get; }

    public int RandomLength => _sampleTail.Length;

    public int Length => FixedPart.Length + RandomLength;

    public string RandomAlphabet => IsNumeric ? CodeAlphabets.Numeric : CodeAlphabets.Alphanumeric;

    /// <summary>|alphabet|^random length: at most 36^5 = 60,466,176 for a 10-character alphanumeric sample.</summary>
    public long Capacity
    {
        get
        {
            var capacity = 1L;
            for (var i = 0; i < RandomLength; i++)
            {
                capacity *= RandomAlphabet.Length;
            }

            return capacity;
        }
    }

    /// <summary>The sample to store in the settings: the original one, or its tail behind an alternative fixed part.</summary>
    public string SampleCode => FixedPart + _sampleTail;

    public static RandomizedCommonCode FromSample(string sampleCode)
    {
        ArgumentNullException.ThrowIfNull(sampleCode);
        var sample = CodeFormat.Normalize(sampleCode);
        if (sample.Length is < GenerationSettings.MinSampleLength or > GenerationSettings.MaxSampleLength || !sample.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException(
                $"A sample code has {GenerationSettings.MinSampleLength} to {GenerationSettings.MaxSampleLength} letters or digits; '{sampleCode}' does not.",
                nameof(sampleCode));
        }

        var fixedLength = sample.Length / 2;
        return new RandomizedCommonCode(sample[..fixedLength], sample[fixedLength..], sample.All(char.IsAsciiDigit));
    }

    /// <summary>
    /// The same series with the <paramref name="attempt"/>-th alternative fixed part (0 is the current one): for when
    /// another offer of the org already uses it.
    /// </summary>
    public RandomizedCommonCode WithAlternativeFixedPart(int attempt) =>
        new(AlternativeFixedPart(FixedPart, attempt), _sampleTail, IsNumeric);

    /// <summary>The first of this fixed part and its alternatives that is not taken, or null after <paramref name="maxAttempts"/>.</summary>
    public RandomizedCommonCode? WithFreeFixedPart(Func<string, bool> isTaken, int maxAttempts = 1000)
    {
        ArgumentNullException.ThrowIfNull(isTaken);
        var attempts = (int)Math.Min(maxAttempts, FixedPartVariants(FixedPart));
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var candidate = AlternativeFixedPart(FixedPart, attempt);
            if (!isTaken(candidate))
            {
                return new RandomizedCommonCode(candidate, _sampleTail, IsNumeric);
            }
        }

        return null;
    }

    /// <summary>
    /// Counts <paramref name="attempt"/> steps on from <paramref name="fixedPart"/> like an odometer in which letters
    /// stay letters and digits stay digits: "TEST" → "TESU", "TESV", …; "4821" → "4822". The same attempt always gives
    /// the same text, and no attempt below the number of variants gives the original back.
    /// </summary>
    public static string AlternativeFixedPart(string fixedPart, int attempt)
    {
        ArgumentException.ThrowIfNullOrEmpty(fixedPart);
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var text = fixedPart.ToUpperInvariant().ToCharArray();
        long carry = attempt;
        for (var i = text.Length - 1; i >= 0 && carry > 0; i--)
        {
            var (first, radix) = Kind(text[i]);
            var sum = text[i] - first + carry;
            text[i] = (char)(first + (sum % radix));
            carry = sum / radix;
        }

        return new string(text);
    }

    private static long FixedPartVariants(string fixedPart) =>
        fixedPart.Aggregate(1L, (total, c) => total * Kind(c).Radix);

    private static (char First, int Radix) Kind(char c) =>
        char.IsAsciiDigit(c) ? ('0', 10)
        : char.IsAsciiLetterUpper(c) ? ('A', 26)
        : throw new ArgumentException($"A fixed part has only letters and digits, not '{c}'.", nameof(c));
}
