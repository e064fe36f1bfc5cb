using Bunit;
using CouponAdmin.Components.Pages.Incentives.Wizard;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Tests.Components.Wizard;

/// <summary>Issual &amp; reminders: what applies per issuer and method, the SMS text checks and the reminder list.</summary>
public sealed class IssualStepTests : WizardTestContext
{
    [Fact]
    public void ThirdPartyCouponsHaveNoIssualSettings()
    {
        var step = RenderStep<IssualStep>(ValidOffer(o =>
        {
            o.Coupon.IssuedBy = IssuedBy.ThirdParty;
            o.Coupon.Generation.Method = GenerationMethod.Uploaded;
        }));

        Assert.Single(step.FindAll("#issual-not-configurable"));
        Assert.Empty(step.FindAll("#max-issuals"));
        Assert.Empty(step.FindAll("#resend-on"));
    }

    [Fact]
    public void ACommonCodeHasNoPerCustomerIssualLimit()
    {
        var common = RenderStep<IssualStep>(ValidOffer(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.Common;
            o.Coupon.Generation.CommonCode = "HOLIDAY20";
        }));
        var unique = RenderStep<IssualStep>(ValidOffer());

        Assert.Empty(common.FindAll("#max-issuals"));
        Assert.Single(common.FindAll("#common-once"));
        Assert.Single(unique.FindAll("#max-issuals"));
    }

    [Fact]
    public void ANonGsmCharacterIsRefusedNextToTheSmsTextUntilUnicodeIsAllowed()
    {
        var offer = ValidOffer();
        var step = RenderStep<IssualStep>(offer);

        step.Find("#resend-on").Change(true);
        step.Find("#resend-sms-text").Change("Your code {{coupon.code}} ✓");

        Assert.Equal("The text contains '✓', which a plain SMS cannot carry; remove it or allow Unicode characters.", ErrorNextTo(step, "issual.resendSms.text"));

        step.Find("#resend-sms-unicode").Change(true);

        Assert.Empty(step.FindAll("[data-error-for='issual.resendSms.text']"));
        Assert.True(offer.Issual.ResendSms!.AllowUnicode);
    }

    [Fact]
    public void TheSegmentCountFollowsTheText()
    {
        var step = RenderStep<IssualStep>(ValidOffer());
        step.Find("#resend-on").Change(true);

        step.Find("#resend-sms-text").Change(new string('a', 161));

        Assert.Equal("GSM-7 · 161 characters · 2 SMS", step.Find("#resend-sms-segments").TextContent.Trim());
    }

    [Fact]
    public void AUnicodeTextIsReportedAsUnicodeWithItsSmallerParts()
    {
        var step = RenderStep<IssualStep>(ValidOffer());
        step.Find("#resend-on").Change(true);
        step.Find("#resend-sms-unicode").Change(true);

        step.Find("#resend-sms-text").Change(new string('अ', 71));

        Assert.Equal("Unicode · 71 characters · 2 SMS", step.Find("#resend-sms-segments").TextContent.Trim());
    }

    [Fact]
    public void AnUnknownTagIsRefusedNextToTheSmsText()
    {
        var step = RenderStep<IssualStep>(ValidOffer());
        step.Find("#resend-on").Change(true);

        step.Find("#resend-sms-text").Change("Your code {{coupon.cod}}");

        Assert.StartsWith("Unknown tag {{coupon.cod}}; the tags are {{customer.name}}", ErrorNextTo(step, "issual.resendSms.text"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnSmsReminderHasTheUnicodeSwitchAndItsOwnCheck()
    {
        var offer = ValidOffer();
        var step = RenderStep<IssualStep>(offer);
        step.Find("#reminders-on").Change(true);

        step.Find("#reminder-0-text").Change("आपका कूपन {{coupon.code}}");

        Assert.StartsWith("The text contains 'आ'", ErrorNextTo(step, "issual.reminders[0].text"), StringComparison.Ordinal);
        step.Find("#reminder-0-unicode").Change(true);
        Assert.Empty(step.FindAll("[data-error-for='issual.reminders[0].text']"));
        Assert.True(offer.Issual.Reminders[0].AllowUnicode);
        Assert.StartsWith("Unicode · ", step.Find("#reminder-0-segments").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void ATagIsAddedToTheTextFromThePicker()
    {
        var offer = ValidOffer();
        var step = RenderStep<IssualStep>(offer);
        step.Find("#resend-on").Change(true);
        step.Find("#resend-sms-text").Change("Hi");

        step.FindAll(".sms-tag").Single(t => t.TextContent.Contains("{{customer.name}}", StringComparison.Ordinal)).Click();

        Assert.Equal("Hi {{customer.name}}", offer.Issual.ResendSms!.Text);
    }

    [Fact]
    public void PlusReminderAddsAnotherReminder()
    {
        var offer = ValidOffer();
        var step = RenderStep<IssualStep>(offer);

        step.Find("#reminders-on").Change(true);
        step.Find("#add-reminder").Click();
        step.Find("#reminder-1-text").Change("");

        Assert.Equal(2, step.FindAll(".reminder").Count);
        Assert.Equal("Enter the reminder text.", ErrorNextTo(step, "issual.reminders[1].text"));
    }

    [Fact]
    public void ANotificationNeedsFewerRemainingThanTheTotalLimit()
    {
        var step = RenderStep<IssualStep>(ValidOffer());

        step.Find("#total-limit-limited").Click();
        step.Find("#total-limit-value").Change("100");
        step.Find("#notify-on").Change(true);
        step.Find("#notify-remaining").Change("100");

        Assert.Equal("Notify when between 1 and 99 coupons remain, not 100.", ErrorNextTo(step, "issual.notifyWhenRemaining"));
    }
}
