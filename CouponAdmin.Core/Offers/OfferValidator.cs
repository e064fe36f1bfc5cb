using System.Globalization;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;

namespace CouponAdmin.Core.Offers;

/// <summary>
/// Checks an <see cref="OfferDefinition"/> and reports every problem at once, each under the JSON path of its
/// field, so the API's 400 and the wizard's per-field messages come from the same rules.
/// </summary>
public static class OfferValidator
{
    public static IReadOnlyList<FieldError> Validate(OfferDefinition offer)
    {
        var errors = new List<FieldError>();
        ValidateBasics(offer, errors);
        CouponRules.Validate(offer, errors);
        IssualRules.Validate(offer, errors);
        RedemptionRules.Validate(offer, errors);
        return errors;
    }

    private static void ValidateBasics(OfferDefinition offer, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(offer.Name))
        {
            errors.Add(new("name", "Give the offer a name."));
        }
        else if (offer.Name.Length > OfferDefinition.MaxNameLength)
        {
            errors.Add(new("name", $"The name has {offer.Name.Length} characters; at most {OfferDefinition.MaxNameLength} are allowed."));
        }

        var d = offer.Discount;
        if (d.Value <= 0)
        {
            errors.Add(new("discount.value", $"The discount must be more than 0, not {Format(d.Value)}."));
        }
        else if (d.Type == DiscountType.Percentage && d.Value > 100)
        {
            errors.Add(new("discount.value", $"A percentage discount is at most 100, not {Format(d.Value)}."));
        }

        if (d.Type == DiscountType.Fixed && !IsCurrencyCode(d.Currency))
        {
            errors.Add(new("discount.currency", $"A fixed discount needs a three-letter currency code, not '{d.Currency}'."));
        }

        if (d.MaxAmount is { } cap && cap <= 0)
        {
            errors.Add(new("discount.maxAmount", $"The discount cap must be more than 0, not {Format(cap)}."));
        }

        if (offer.ValidFrom is { } from && offer.ValidUntil is { } until && until <= from)
        {
            errors.Add(new("validUntil", $"The offer must end after it starts ({from:yyyy-MM-dd HH:mm}), not at {until:yyyy-MM-dd HH:mm}."));
        }

        for (var i = 0; i < offer.BrandPocEmails.Count; i++)
        {
            if (!CustomerIdentifiers.NormalizeEmail(offer.BrandPocEmails[i]).IsSuccess)
            {
                errors.Add(new($"brandPocEmails[{i}]", $"'{offer.BrandPocEmails[i]}' is not a valid e-mail address."));
            }
        }

        for (var i = 0; i < offer.Products.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(offer.Products[i]))
            {
                errors.Add(new($"products[{i}]", "A product SKU cannot be blank."));
            }
        }
    }

    internal static bool IsCurrencyCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    internal static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
