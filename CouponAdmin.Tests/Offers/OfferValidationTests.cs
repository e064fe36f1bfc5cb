using CouponAdmin.Core.Offers;

namespace CouponAdmin.Tests.Offers;

public class OfferValidationTests
{
    private static void AssertAccepted(OfferDefinition offer) =>
        Assert.True(OfferValidator.Validate(offer).Count == 0, $"Expected no errors, got:{Environment.NewLine}{TestOffers.Describe(offer)}");

    private static void AssertRefusedOnlyAt(OfferDefinition offer, string path) =>
        Assert.Equal([path], TestOffers.ErrorPaths(offer));

    [Fact]
    public void TheTestOfferIsValid()
    {
        AssertAccepted(TestOffers.Valid());
    }

    [Fact]
    public void EveryProblemIsReportedAtOnceUnderItsOwnPath()
    {
        var offer = TestOffers.Valid(o =>
        {
            o.Name = " ";
            o.Discount.Value = 150;
            o.Redemption.Hours = [24];
        });

        var errors = OfferValidator.Validate(offer);

        Assert.Equal(3, errors.Count);
        Assert.Equal(["discount.value", "name", "redemption.hours"], errors.Select(e => e.Path).Order());
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void AnOversizedListIsOneMessageNotOnePerItem()
    {
        var offer = TestOffers.Valid(o => o.Products = [.. Enumerable.Repeat(" ", 10_000)]);

        var error = Assert.Single(OfferValidator.Validate(offer));

        Assert.Equal("products", error.Path);
        Assert.Contains("at most 1,000 products (got 10,000)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeValueIsNotEchoedWholeInItsMessage()
    {
        var offer = TestOffers.Valid(o => o.Coupon.Generation.Prefix = new string('!', 50_000));

        var error = Assert.Single(OfferValidator.Validate(offer));

        Assert.Equal("coupon.generation.prefix", error.Path);
        Assert.True(error.Message.Length < 300, error.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    // Third party: issual and reminder settings are not configurable.

    [Theory]
    [InlineData("issual.restrictPastOfferIds")]
    [InlineData("issual.maxPerCustomer")]
    [InlineData("issual.minGapDays")]
    [InlineData("issual.onRepeatMatch")]
    [InlineData("issual.totalLimit")]
    [InlineData("issual.notifyWhenRemaining")]
    [InlineData("issual.resendSms")]
    [InlineData("issual.reminders")]
    public void AThirdPartyOfferRefusesEachIssualSetting(string path)
    {
        var offer = TestOffers.OfSeriesType("Third-Party Uploaded");
        var issual = offer.Issual;
        switch (path)
        {
            case "issual.restrictPastOfferIds": issual.RestrictPastOfferIds = [42]; break;
            case "issual.maxPerCustomer": issual.MaxPerCustomer = 3; break;
            case "issual.minGapDays": issual.MinGapDays = 2; break;
            case "issual.onRepeatMatch": issual.OnRepeatMatch = RepeatMatchAction.SendExisting; break;
            case "issual.totalLimit": issual.TotalLimit = 1000; break;
            case "issual.notifyWhenRemaining": issual.NotifyWhenRemaining = 10; break;
            case "issual.resendSms": issual.ResendSms = new ResendSmsSettings { Text = "Your code is {{coupon.code}}" }; break;
            case "issual.reminders": issual.Reminders = [new ReminderSettings { DaysBefore = 3, Text = "Expires soon" }]; break;
            default: throw new ArgumentOutOfRangeException(nameof(path), path, null);
        }

        AssertRefusedOnlyAt(offer, path);
    }

    [Fact]
    public void AThirdPartyOfferWithDefaultIssualSettingsIsAccepted()
    {
        AssertAccepted(TestOffers.OfSeriesType("Third-Party Uploaded"));
    }

    [Theory]
    [InlineData(GenerationMethod.AutoUnique)]
    [InlineData(GenerationMethod.Common)]
    [InlineData(GenerationMethod.RandomizedCommon)]
    public void AThirdPartyOfferMustUseUploadedCodes(GenerationMethod method)
    {
        var offer = TestOffers.Valid(o =>
        {
            o.Coupon.IssuedBy = IssuedBy.ThirdParty;
            o.Coupon.Generation.Method = method;
            o.Coupon.Generation.CommonCode = "HOLIDAY20";
            o.Coupon.Generation.SampleCode = "AB123";
        });

        AssertRefusedOnlyAt(offer, "coupon.generation.method");
    }

    // Expiry

    [Fact]
    public void ExpiringWithTheOfferNeedsAnOfferEndDate()
    {
        var offer = TestOffers.Valid(o =>
        {
            o.ValidUntil = null;
            o.Coupon.Expiry.Mode = ExpiryMode.WithOffer;
        });

        AssertRefusedOnlyAt(offer, "coupon.expiry.mode");
    }

    [Fact]
    public void ExpiringWithAnOfferThatHasAnEndDateIsAccepted()
    {
        AssertAccepted(TestOffers.Valid(o =>
        {
            o.ValidFrom = TestOffers.Now;
            o.ValidUntil = TestOffers.Now.AddDays(30);
            o.Coupon.Expiry.Mode = ExpiryMode.WithOffer;
        }));
    }

    [Theory]
    [InlineData(ExpiryMode.DaysFromIssual)]
    [InlineData(ExpiryMode.MonthEndsFromIssual)]
    public void ANegativeExpiryCountIsRefusedAndZeroIsAccepted(ExpiryMode mode)
    {
        AssertRefusedOnlyAt(TestOffers.Valid(o => o.Coupon.Expiry = new ExpirySettings { Mode = mode, Value = -1 }), "coupon.expiry.value");
        AssertAccepted(TestOffers.Valid(o => o.Coupon.Expiry = new ExpirySettings { Mode = mode, Value = 0 }));
    }

    // Code generation

    [Theory]
    [InlineData("AB12")]
    [InlineData("AB123456789")]
    public void ARandomizedCommonSampleOutside5To10CharactersIsRefused(string sample)
    {
        var offer = TestOffers.Valid(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.RandomizedCommon;
            o.Coupon.Generation.SampleCode = sample;
        });

        AssertRefusedOnlyAt(offer, "coupon.generation.sampleCode");
    }

    [Theory]
    [InlineData("AB123")]
    [InlineData("AB12345678")]
    [InlineData("1234567")]
    public void ARandomizedCommonSampleOf5To10CharactersIsAccepted(string sample)
    {
        AssertAccepted(TestOffers.Valid(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.RandomizedCommon;
            o.Coupon.Generation.SampleCode = sample;
        }));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(21)]
    public void AnAutoUniqueLengthOutside4To20IsRefused(int length)
    {
        AssertRefusedOnlyAt(TestOffers.Valid(o => o.Coupon.Generation.Length = length), "coupon.generation.length");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(20)]
    public void AnAutoUniqueLengthOf4To20IsAccepted(int length)
    {
        AssertAccepted(TestOffers.Valid(o => o.Coupon.Generation.Length = length));
    }

    [Fact]
    public void AnAutoUniqueCodeWithoutALengthIsRefused()
    {
        AssertRefusedOnlyAt(TestOffers.Valid(o => o.Coupon.Generation.Length = null), "coupon.generation.length");
    }

    [Fact]
    public void AnAutoUniqueCodeWithoutAnAlphabetIsRefused()
    {
        AssertRefusedOnlyAt(TestOffers.Valid(o => o.Coupon.Generation.Alphabet = null), "coupon.generation.alphabet");
    }

    [Theory]
    [InlineData("SALE-")]
    [InlineData("SALE 24")]
    [InlineData("ABCDEFGHIJK")]
    public void AnAutoUniquePrefixThatIsNotUpTo10LettersOrDigitsIsRefused(string prefix)
    {
        AssertRefusedOnlyAt(TestOffers.Valid(o => o.Coupon.Generation.Prefix = prefix), "coupon.generation.prefix");
    }

    [Theory]
    [InlineData("SALE")]
    [InlineData("ABCDEFGHIJ")]
    public void AnAutoUniquePrefixOfLettersAndDigitsIsAccepted(string prefix)
    {
        AssertAccepted(TestOffers.Valid(o => o.Coupon.Generation.Prefix = prefix));
    }

    [Fact]
    public void ACommonCodeMustBeGiven()
    {
        AssertRefusedOnlyAt(TestOffers.Valid(o => o.Coupon.Generation.Method = GenerationMethod.Common), "coupon.generation.commonCode");
    }

    // Audience

    [Fact]
    public void IssuingToSpecificCustomersOnlyIsRefusedForUploadedCodes()
    {
        var offer = TestOffers.OfSeriesType("Capillary-Uploaded");
        offer.Coupon.SpecificCustomersOnly = true;

        AssertRefusedOnlyAt(offer, "coupon.specificCustomersOnly");
    }

    [Theory]
    [InlineData("Automatically Generated")]
    [InlineData("Common Coupon Codes")]
    public void IssuingToSpecificCustomersOnlyIsAcceptedForAutoAndCommonCodes(string seriesType)
    {
        var offer = TestOffers.OfSeriesType(seriesType);
        offer.Coupon.SpecificCustomersOnly = true;

        AssertAccepted(offer);
    }

    // Issual and reminders

    [Fact]
    public void AReminderDaysBeforeExpiryCannotBeNegative()
    {
        var offer = TestOffers.Valid(o => o.Issual.Reminders =
        [
            new ReminderSettings { DaysBefore = 3, Text = "Three days left" },
            new ReminderSettings { DaysBefore = -1, Text = "Too late" },
        ]);

        AssertRefusedOnlyAt(offer, "issual.reminders[1].daysBefore");
    }

    [Fact]
    public void AReminderOnTheDayOfExpiryIsAccepted()
    {
        AssertAccepted(TestOffers.Valid(o => o.Issual.Reminders = [new ReminderSettings { DaysBefore = 0, Text = "Last day" }]));
    }

    [Fact]
    public void ANotificationForTheIssualLimitNeedsATotalLimit()
    {
        AssertRefusedOnlyAt(TestOffers.Valid(o => o.Issual.NotifyWhenRemaining = 100), "issual.notifyWhenRemaining");
        AssertAccepted(TestOffers.Valid(o =>
        {
            o.Issual.TotalLimit = 1000;
            o.Issual.NotifyWhenRemaining = 100;
        }));
    }

    [Fact]
    public void ACommonCodeRefusesAMaximumPerCustomer()
    {
        var offer = TestOffers.OfSeriesType("Common Coupon Codes");
        offer.Issual.MaxPerCustomer = 2;

        AssertRefusedOnlyAt(offer, "issual.maxPerCustomer");
    }

    [Fact]
    public void AResendSmsWithANonGsm7CharacterIsRefusedAndTheCharacterIsNamed()
    {
        var offer = TestOffers.Valid(o => o.Issual.ResendSms = new ResendSmsSettings { Text = "Save ₹100 with {{coupon.code}}" });

        var error = Assert.Single(OfferValidator.Validate(offer));

        Assert.Equal("issual.resendSms.text", error.Path);
        Assert.Contains("₹", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AResendSmsWithAnEmojiIsRefusedAndTheEmojiIsNamedWhole()
    {
        var offer = TestOffers.Valid(o => o.Issual.ResendSms = new ResendSmsSettings { Text = "Party time 🎉 {{coupon.code}}" });

        var error = Assert.Single(OfferValidator.Validate(offer));

        Assert.Equal("issual.resendSms.text", error.Path);
        Assert.Contains("'🎉'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Save ₹100 with {{coupon.code}}")]
    [InlineData("Party time 🎉 {{coupon.code}}")]
    public void AResendSmsWithUnicodeIsAcceptedWhenUnicodeIsAllowed(string text)
    {
        AssertAccepted(TestOffers.Valid(o => o.Issual.ResendSms = new ResendSmsSettings { Text = text, AllowUnicode = true }));
    }

    [Fact]
    public void AResendSmsWithGsm7ExtensionCharactersIsAccepted()
    {
        AssertAccepted(TestOffers.Valid(o => o.Issual.ResendSms = new ResendSmsSettings { Text = "Save €5 [now] {{coupon.code}} ~ ^ | \\" }));
    }

    [Fact]
    public void AnEmptyResendSmsIsRefused()
    {
        AssertRefusedOnlyAt(TestOffers.Valid(o => o.Issual.ResendSms = new ResendSmsSettings { Text = "  " }), "issual.resendSms.text");
    }

    // Discount

    [Fact]
    public void APercentageAbove100IsRefused()
    {
        AssertRefusedOnlyAt(TestOffers.Valid(o => o.Discount.Value = 100.01m), "discount.value");
        AssertAccepted(TestOffers.Valid(o => o.Discount.Value = 100));
    }

    [Fact]
    public void AFixedDiscountNeedsACurrency()
    {
        AssertRefusedOnlyAt(TestOffers.Valid(o => o.Discount = new DiscountSettings { Type = DiscountType.Fixed, Value = 250 }), "discount.currency");
        AssertAccepted(TestOffers.Valid(o => o.Discount = new DiscountSettings { Type = DiscountType.Fixed, Value = 250, Currency = "INR" }));
    }

    // Redemption

    [Fact]
    public void AMinimumBillAboveTheMaximumIsRefused()
    {
        AssertRefusedOnlyAt(TestOffers.Valid(o =>
        {
            o.Redemption.MinBill = 500;
            o.Redemption.MaxBill = 499.99m;
        }), "redemption.maxBill");
    }

    [Fact]
    public void AMinimumBillEqualToTheMaximumIsAccepted()
    {
        AssertAccepted(TestOffers.Valid(o =>
        {
            o.Redemption.MinBill = 500;
            o.Redemption.MaxBill = 500;
        }));
    }

    [Theory]
    [InlineData(24)]
    [InlineData(-1)]
    public void AnHourOutside0To23IsRefused(int hour)
    {
        AssertRefusedOnlyAt(TestOffers.Valid(o => o.Redemption.Hours = [10, hour]), "redemption.hours");
    }

    [Fact]
    public void Hours0To23AreAccepted()
    {
        AssertAccepted(TestOffers.Valid(o => o.Redemption.Hours = [0, 23]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public void ADayOfTheMonthOutside1To31IsRefused(int day)
    {
        AssertRefusedOnlyAt(TestOffers.Valid(o => o.Redemption.DaysOfMonth = [15, day]), "redemption.daysOfMonth");
    }

    [Fact]
    public void DaysOfTheMonth1To31AreAccepted()
    {
        AssertAccepted(TestOffers.Valid(o => o.Redemption.DaysOfMonth = [1, 31]));
    }

    [Fact]
    public void AGapBetweenRedemptionsIsRefusedWhenACustomerRedeemsOnce()
    {
        AssertRefusedOnlyAt(TestOffers.Valid(o =>
        {
            o.Redemption.CustomerLimit = 1;
            o.Redemption.MinGapDays = 7;
        }), "redemption.minGapDays");
    }

    [Fact]
    public void AGapBetweenRedemptionsIsAcceptedWhenACustomerRedeemsMoreThanOnce()
    {
        AssertAccepted(TestOffers.Valid(o =>
        {
            o.Redemption.CustomerLimit = 3;
            o.Redemption.MinGapDays = 7;
        }));
    }
}
