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

        OfferLimits.Text("description", offer.Description, OfferLimits.MaxDescriptionLength, "A description", errors);

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
            errors.Add(new("discount.currency", $"A fixed discount needs a three-letter currency code, not '{Shown(d.Currency)}'."));
        }
        else
        {
            OfferLimits.Text("discount.currency", d.Currency, OfferLimits.MaxCurrencyLength, "A currency code", errors);
        }

        if (d.MaxAmount is { } cap && cap <= 0)
        {
            errors.Add(new("discount.maxAmount", $"The discount cap must be more than 0, not {Format(cap)}."));
        }

        if (offer.ValidFrom is { } from && offer.ValidUntil is { } until && until <= from)
        {
            errors.Add(new("validUntil", $"The offer must end after it starts ({from:yyyy-MM-dd HH:mm}), not at {until:yyyy-MM-dd HH:mm}."));
        }

        if (OfferLimits.Count("brandPocEmails", offer.BrandPocEmails, OfferLimits.MaxBrandPocEmails, "e-mail addresses", errors))
        {
            for (var i = 0; i < offer.BrandPocEmails.Count; i++)
            {
                if (!CustomerIdentifiers.NormalizeEmail(offer.BrandPocEmails[i]).IsSuccess)
                {
                    errors.Add(new($"brandPocEmails[{i}]", $"'{Shown(offer.BrandPocEmails[i])}' is not a valid e-mail address."));
                }
            }
        }

        if (OfferLimits.Count("products", offer.Products, OfferLimits.MaxProducts, "products", errors))
        {
            for (var i = 0; i < offer.Products.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(offer.Products[i]))
                {
                    errors.Add(new($"products[{i}]", "A product SKU cannot be blank."));
                }
                else
                {
                    OfferLimits.Text($"products[{i}]", offer.Products[i], OfferLimits.MaxProductLength, "A product SKU", errors);
                }
            }
        }
    }

    /// <summary>A value quoted in a message, cut short so a huge value does not make a huge answer.</summary>
    internal static string Shown(string? value) => value is { Length: > 80 } ? value[..77] + "..." : value ?? "";

    internal static bool IsCurrencyCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    internal static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
