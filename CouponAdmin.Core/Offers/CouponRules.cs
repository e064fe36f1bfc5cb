using CouponAdmin.Core.Common;

namespace CouponAdmin.Core.Offers;

/// <summary>Rules of the "Coupon details" screen: who issues, how codes are made, audience and expiry.</summary>
internal static class CouponRules
{
    public static void Validate(OfferDefinition offer, List<FieldError> errors)
    {
        var coupon = offer.Coupon;
        var g = coupon.Generation;

        if (!OfferOptions.MethodsFor(coupon.IssuedBy).Contains(g.Method))
        {
            errors.Add(new("coupon.generation.method",
                $"Coupons issued through a third party use uploaded codes; '{Camel(g.Method)}' is not available for them."));
        }

        BoundUnusedCodeSettings(g, errors);
        switch (g.Method)
        {
            case GenerationMethod.AutoUnique:
                ValidateAutoUnique(g, errors);
                break;
            case GenerationMethod.Common:
                ValidateCode("coupon.generation.commonCode", g.CommonCode, 3, GenerationSettings.MaxCommonCodeLength, "common code", errors);
                break;
            case GenerationMethod.RandomizedCommon:
                ValidateCode("coupon.generation.sampleCode", g.SampleCode, GenerationSettings.MinSampleLength, GenerationSettings.MaxSampleLength, "sample code", errors);
                break;
        }

        if (coupon.SpecificCustomersOnly && !OfferOptions.AllowsAudienceList(g.Method))
        {
            errors.Add(new("coupon.specificCustomersOnly",
                $"\"Issue to specific customers only\" is available for auto-generated and common codes, not for '{Camel(g.Method)}'."));
        }

        var expiry = coupon.Expiry;
        if (expiry.Mode == ExpiryMode.WithOffer && !OfferOptions.ExpiryWithOfferAvailable(offer))
        {
            errors.Add(new("coupon.expiry.mode", "\"Along with the offer\" needs the offer to end on a fixed date; set validUntil or choose another expiry."));
        }
        else if (expiry.Mode != ExpiryMode.WithOffer && expiry.Value < 0)
        {
            errors.Add(new("coupon.expiry.value", $"The number of {(expiry.Mode == ExpiryMode.DaysFromIssual ? "days" : "months")} from issual cannot be negative ({expiry.Value})."));
        }
    }

    /// <summary>The code fields another method uses are not checked by its rules, but they are stored: bound them too.</summary>
    private static void BoundUnusedCodeSettings(GenerationSettings g, List<FieldError> errors)
    {
        if (g.Method != GenerationMethod.AutoUnique)
        {
            OfferLimits.Text("coupon.generation.prefix", g.Prefix, GenerationSettings.MaxPrefixLength, "A prefix", errors);
        }

        if (g.Method != GenerationMethod.Common)
        {
            OfferLimits.Text("coupon.generation.commonCode", g.CommonCode, GenerationSettings.MaxCommonCodeLength, "A common code", errors);
        }

        if (g.Method != GenerationMethod.RandomizedCommon)
        {
            OfferLimits.Text("coupon.generation.sampleCode", g.SampleCode, GenerationSettings.MaxSampleLength, "A sample code", errors);
        }
    }

    private static void ValidateAutoUnique(GenerationSettings g, List<FieldError> errors)
    {
        if (g.Length is not { } length || length < GenerationSettings.MinLength || length > GenerationSettings.MaxLength)
        {
            errors.Add(new("coupon.generation.length",
                $"The code length must be between {GenerationSettings.MinLength} and {GenerationSettings.MaxLength}, not {g.Length?.ToString() ?? "empty"}."));
        }

        if (g.Alphabet is not { } alphabet || !Enum.IsDefined(alphabet))
        {
            errors.Add(new("coupon.generation.alphabet", "Choose the characters of the code: numeric, alphanumeric or unambiguous."));
        }

        if (!string.IsNullOrEmpty(g.Prefix) && (g.Prefix.Length > GenerationSettings.MaxPrefixLength || !g.Prefix.All(char.IsAsciiLetterOrDigit)))
        {
            errors.Add(new("coupon.generation.prefix",
                $"The prefix '{OfferValidator.Shown(g.Prefix)}' must be letters and digits only, at most {GenerationSettings.MaxPrefixLength} of them."));
        }
    }

    private static void ValidateCode(string path, string? code, int min, int max, string what, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(new(path, $"Enter the {what}."));
        }
        else if (code.Length < min || code.Length > max || !code.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add(new(path, $"The {what} '{OfferValidator.Shown(code)}' must be {min} to {max} letters or digits; it has {code.Length} characters."));
        }
    }

    internal static string Camel<T>(T value)
        where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }
}
