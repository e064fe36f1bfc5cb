using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Offers;
using CouponAdmin.Tests.Offers;

namespace CouponAdmin.Tests.Notifications;

/// <summary>The one renderer of message texts, and the checks the offer's texts pass when it is saved.</summary>
public sealed class MessageTemplateTests
{
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    private static readonly TemplateValues Values = new("Diwali 10% off", "10% off", 42, Kolkata,
        "ABC12345", new DateTimeOffset(2025, 11, 15, 18, 29, 59, TimeSpan.Zero), "Asha");

    [Fact]
    public void EveryTagIsFilledFromTheCouponTheCustomerAndTheOffer()
    {
        var text = MessageTemplate.Render(
            "Hi {{customer.name}}: {{coupon.code}} gives {{offer.discount}} on {{offer.name}} until {{coupon.expiry}}; {{remaining}} left.", Values);

        Assert.Equal("Hi Asha: ABC12345 gives 10% off on Diwali 10% off until 15 Nov 2025 23:59 (UTC+05:30); 42 left.", text);
    }

    [Fact]
    public void TagsMayCarrySpacesAndCapitals()
    {
        Assert.Equal("ABC12345 / Asha", MessageTemplate.Render("{{ Coupon.Code }} / {{customer.name }}", Values));
    }

    [Fact]
    public void ACustomerWithoutANameIsGreetedAsCustomer()
    {
        Assert.Equal("Hi Customer", MessageTemplate.Render("Hi {{customer.name}}", Values with { CustomerName = null }));
    }

    [Theory]
    [InlineData(DiscountType.Percentage, 50, null, null, "50% off")]
    [InlineData(DiscountType.Percentage, 12.5, "INR", 750.5, "12.5% off, up to INR 750.5")]
    [InlineData(DiscountType.Fixed, 250, "INR", null, "INR 250 off")]
    public void TheDiscountReadsAsTheMarketerSetIt(DiscountType type, double value, string? currency, double? cap, string expected)
    {
        var discount = new DiscountSettings { Type = type, Value = (decimal)value, Currency = currency, MaxAmount = (decimal?)cap };

        Assert.Equal(expected, MessageTemplate.FormatDiscount(discount));
    }

    [Fact]
    public void AnExpiryIsShownOnTheOrgsClockWithItsOffset()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        Assert.Equal("10 Mar 2026 23:59 (UTC-04:00)", MessageTemplate.FormatExpiry(new DateTimeOffset(2026, 3, 11, 3, 59, 59, TimeSpan.Zero), newYork));
        Assert.Equal("no expiry", MessageTemplate.FormatExpiry(null, newYork));
    }

    [Fact]
    public void UnknownTagsAreNamedOnceEach()
    {
        Assert.Equal(["{{coupon.cod}}", "{{name}}"], MessageTemplate.UnknownTags("{{coupon.cod}} {{name}} {{coupon.cod}} {{coupon.code}}"));
    }

    [Fact]
    public void AnUnknownTagInTheResendTextIsRefusedWhenTheOfferIsSaved()
    {
        var errors = OfferValidator.Validate(TestOffers.Valid(o => o.Issual.ResendSms = new ResendSmsSettings { Text = "Code {{coupon.number}}" }));

        var error = Assert.Single(errors);
        Assert.Equal("issual.resendSms.text", error.Path);
        Assert.StartsWith("Unknown tag {{coupon.number}}; the tags are", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownTagInAReminderIsRefusedAtThatReminder()
    {
        var errors = OfferValidator.Validate(TestOffers.Valid(o => o.Issual.Reminders =
        [
            new ReminderSettings { DaysBefore = 3, Text = "Fine {{coupon.code}}" },
            new ReminderSettings { DaysBefore = 1, Channel = ReminderChannel.Email, Text = "Hello {{first.name}}" },
        ]));

        Assert.Equal("issual.reminders[1].text", Assert.Single(errors).Path);
    }

    [Fact]
    public void AnSmsReminderWithANonGsm7CharacterNeedsUnicodeAnEmailReminderDoesNot()
    {
        var refused = OfferValidator.Validate(TestOffers.Valid(o => o.Issual.Reminders = [new ReminderSettings { Text = "Save ₹100 with {{coupon.code}}" }]));
        var allowed = OfferValidator.Validate(TestOffers.Valid(o => o.Issual.Reminders = [new ReminderSettings { Text = "Save ₹100", AllowUnicode = true }]));
        var email = OfferValidator.Validate(TestOffers.Valid(o => o.Issual.Reminders = [new ReminderSettings { Channel = ReminderChannel.Email, Text = "Save ₹100" }]));

        Assert.Equal("issual.reminders[0].text", Assert.Single(refused).Path);
        Assert.Contains("'₹'", refused[0].Message, StringComparison.Ordinal);
        Assert.Empty(allowed);
        Assert.Empty(email);
    }

    [Fact]
    public void TwoRemindersOnTheSameDayByTheSameChannelAreRefused()
    {
        var errors = OfferValidator.Validate(TestOffers.Valid(o => o.Issual.Reminders =
        [
            new ReminderSettings { DaysBefore = 2, At = new TimeOnly(9, 0), Text = "Morning" },
            new ReminderSettings { DaysBefore = 2, At = new TimeOnly(18, 0), Text = "Evening" },
            new ReminderSettings { DaysBefore = 2, Channel = ReminderChannel.Email, Text = "By mail" },
        ]));

        var error = Assert.Single(errors);
        Assert.Equal("issual.reminders[1].daysBefore", error.Path);
        Assert.Equal("There is already a reminder 2 days before expiry by SMS; keep one.", error.Message);
    }

    [Fact]
    public void SmsTextsReportTheirEncodingAndParts()
    {
        Assert.Equal("GSM-7 · 5 characters · 1 SMS", Gsm7.Describe("Hello").Summary);
        Assert.Equal("Unicode · 71 characters · 2 SMS", Gsm7.Describe(new string('अ', 71)).Summary);
    }
}
