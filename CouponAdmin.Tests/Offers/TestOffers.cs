using CouponAdmin.Core.Offers;

namespace CouponAdmin.Tests.Offers;

/// <summary>A valid offer to start from, so that each test changes only the setting it checks.</summary>
internal static class TestOffers
{
    public static readonly DateTimeOffset Now = new(2025, 11, 12, 9, 30, 0, TimeSpan.FromHours(5.5));

    public static OfferDefinition Valid() => new()
    {
        Name = "Diwali 10% off",
        Description = "Ten percent off everything",
        Discount = new DiscountSettings { Type = DiscountType.Percentage, Value = 10 },
        Products = ["SKU-1001"],
        BrandPocEmails = ["poc@brand.example"],
        Coupon = new CouponSettings
        {
            IssuedBy = IssuedBy.CouponAdmin,
            Generation = new GenerationSettings
            {
                Method = GenerationMethod.AutoUnique,
                Length = 8,
                Alphabet = CodeAlphabet.Alphanumeric,
            },
            Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 30 },
        },
        Issual = new IssualSettings(),
        Redemption = new RedemptionSettings { CustomerLimit = 1 },
    };

    public static OfferDefinition Valid(Action<OfferDefinition> change)
    {
        var offer = Valid();
        change(offer);
        return offer;
    }

    /// <summary>A valid offer of one of the seed table's series types, named as the table names them.</summary>
    public static OfferDefinition OfSeriesType(string seedSeriesType) => Valid(offer =>
    {
        var coupon = offer.Coupon;
        switch (seedSeriesType)
        {
            case "Automatically Generated":
                coupon.IssuedBy = IssuedBy.CouponAdmin;
                coupon.Generation.Method = GenerationMethod.AutoUnique;
                break;
            case "Common Coupon Codes":
                coupon.IssuedBy = IssuedBy.CouponAdmin;
                coupon.Generation.Method = GenerationMethod.Common;
                coupon.Generation.CommonCode = "HOLIDAY20";
                break;
            case "Capillary-Uploaded":
                coupon.IssuedBy = IssuedBy.CouponAdmin;
                coupon.Generation.Method = GenerationMethod.Uploaded;
                break;
            case "Third-Party Uploaded":
                coupon.IssuedBy = IssuedBy.ThirdParty;
                coupon.Generation.Method = GenerationMethod.Uploaded;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(seedSeriesType), seedSeriesType, "Not a series type of the seed's table.");
        }
    });

    public static string[] ErrorPaths(OfferDefinition offer) => [.. OfferValidator.Validate(offer).Select(e => e.Path)];

    /// <summary>The validator's errors, spelled out in a failure message.</summary>
    public static string Describe(OfferDefinition offer) =>
        string.Join(Environment.NewLine, OfferValidator.Validate(offer).Select(e => $"{e.Path}: {e.Message}"));
}
