using CouponAdmin.Core.Common;

namespace CouponAdmin.Core.Offers;

/// <summary>Rules of the "Issual &amp; reminders" screen.</summary>
internal static class IssualRules
{
    private const string ThirdPartyMessage = "Issual and reminder settings cannot be set when coupons are issued through a third party.";
    private const string GenericMessage = "Not applicable to a common code: every customer gets the one code once.";

    public static void Validate(OfferDefinition offer, List<FieldError> errors)
    {
        var s = offer.Issual;
        if (!OfferOptions.IssualConfigurable(offer))
        {
            foreach (var path in SetFields(s))
            {
                errors.Add(new(path, ThirdPartyMessage));
            }

            return;
        }

        if (!OfferOptions.PerCustomerIssualApplies(offer))
        {
            if (s.MaxPerCustomer is not null) errors.Add(new("issual.maxPerCustomer", GenericMessage));
            if (s.MinGapDays != 0) errors.Add(new("issual.minGapDays", GenericMessage));
        }

        if (s.MaxPerCustomer is < 1)
        {
            errors.Add(new("issual.maxPerCustomer", $"The maximum issuals per customer must be at least 1, not {s.MaxPerCustomer}; leave it empty for no limit."));
        }

        if (s.MinGapDays < 0)
        {
            errors.Add(new("issual.minGapDays", $"The minimum gap between issuals cannot be negative ({s.MinGapDays} days)."));
        }

        if (s.TotalLimit is < 1)
        {
            errors.Add(new("issual.totalLimit", $"The total issual limit must be at least 1, not {s.TotalLimit}; leave it empty for no limit."));
        }

        if (s.NotifyWhenRemaining is { } remaining)
        {
            if (s.TotalLimit is not { } total)
            {
                errors.Add(new("issual.notifyWhenRemaining", "A notification for the issual limit needs a total issual limit."));
            }
            else if (remaining < 1 || remaining >= total)
            {
                errors.Add(new("issual.notifyWhenRemaining", $"Notify when between 1 and {total - 1} coupons remain, not {remaining}."));
            }
        }

        OfferLimits.Count("issual.restrictPastOfferIds", s.RestrictPastOfferIds, OfferLimits.MaxRestrictPastOffers, "offers", errors);
        ValidateResendSms(s.ResendSms, errors);
        if (OfferLimits.Count("issual.reminders", s.Reminders, OfferLimits.MaxReminders, "reminders", errors))
        {
            ValidateReminders(s.Reminders, errors);
        }
    }

    private static void ValidateResendSms(ResendSmsSettings? sms, List<FieldError> errors)
    {
        if (sms is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(sms.Text))
        {
            errors.Add(new("issual.resendSms.text", "Enter the SMS text for resending the coupon."));
        }
        else if (!OfferLimits.Text("issual.resendSms.text", sms.Text, OfferLimits.MaxResendSmsLength, "The resend SMS text", errors))
        {
            // Too long already; the character check would only repeat it.
        }
        else
        {
            ValidateText("issual.resendSms.text", sms.Text, isSms: true, sms.AllowUnicode, errors);
        }
    }

    /// <summary>Tags the renderer does not know, and for SMS without Unicode, characters GSM-7 cannot carry.</summary>
    private static void ValidateText(string path, string text, bool isSms, bool allowUnicode, List<FieldError> errors)
    {
        if (Notifications.MessageTemplate.UnknownTags(text) is { Count: > 0 } unknown)
        {
            errors.Add(new(path, $"Unknown tag {string.Join(", ", unknown)}; the tags are {string.Join(" ", Notifications.MessageTemplate.Tags)}."));
        }
        else if (isSms && !allowUnicode && Gsm7.UnsupportedCharacters(text) is { Count: > 0 } bad)
        {
            errors.Add(new(path,
                $"The text contains {string.Join(" ", bad.Select(c => $"'{c}'"))}, which a plain SMS cannot carry; remove it or allow Unicode characters."));
        }
    }

    private static void ValidateReminders(List<ReminderSettings> reminders, List<FieldError> errors)
    {
        for (var i = 0; i < reminders.Count; i++)
        {
            var r = reminders[i];
            if (r.DaysBefore < 0)
            {
                errors.Add(new($"issual.reminders[{i}].daysBefore", $"Days before expiry cannot be negative ({r.DaysBefore})."));
            }
            else if (r.DaysBefore > Notifications.ReminderSchedule.MaxDaysBefore)
            {
                errors.Add(new($"issual.reminders[{i}].daysBefore", $"A reminder is at most {Notifications.ReminderSchedule.MaxDaysBefore} days before expiry, not {r.DaysBefore}."));
            }

            if (string.IsNullOrWhiteSpace(r.Text))
            {
                errors.Add(new($"issual.reminders[{i}].text", "Enter the reminder text."));
            }
            else
            {
                if (OfferLimits.Text($"issual.reminders[{i}].text", r.Text, OfferLimits.MaxReminderTextLength, "A reminder text", errors))
                {
                    ValidateText($"issual.reminders[{i}].text", r.Text, r.Channel == ReminderChannel.Sms, r.AllowUnicode, errors);
                }
            }

            if (!Enum.IsDefined(r.Channel))
            {
                errors.Add(new($"issual.reminders[{i}].channel", "Choose SMS or e-mail."));
            }
            else if (reminders.Take(i).Any(earlier => earlier.DaysBefore == r.DaysBefore && earlier.Channel == r.Channel))
            {
                // A coupon gets each reminder once, known by its days and channel (docs/architecture.md, "Notifications").
                errors.Add(new($"issual.reminders[{i}].daysBefore",
                    $"There is already a reminder {r.DaysBefore} days before expiry by {(r.Channel == ReminderChannel.Sms ? "SMS" : "e-mail")}; keep one."));
            }
        }
    }

    private static IEnumerable<string> SetFields(IssualSettings s)
    {
        if (s.RestrictPastOfferIds.Count > 0) yield return "issual.restrictPastOfferIds";
        if (s.MaxPerCustomer is not null) yield return "issual.maxPerCustomer";
        if (s.MinGapDays != 0) yield return "issual.minGapDays";
        if (s.OnRepeatMatch != RepeatMatchAction.DoNotSend) yield return "issual.onRepeatMatch";
        if (s.TotalLimit is not null) yield return "issual.totalLimit";
        if (s.NotifyWhenRemaining is not null) yield return "issual.notifyWhenRemaining";
        if (s.ResendSms is not null) yield return "issual.resendSms";
        if (s.Reminders.Count > 0) yield return "issual.reminders";
    }
}
