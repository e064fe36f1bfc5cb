using System.Globalization;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Org;

namespace CouponAdmin.Core.Offers;

/// <summary>
/// How large each string and list of an offer's settings may be. Every one is bounded, so no offer can hold (or make
/// a list of offers return) megabytes; the messages name the limit and the size sent.
/// </summary>
public static class OfferLimits
{
    public const int MaxDescriptionLength = 2_000;
    public const int MaxProducts = 1_000;
    public const int MaxProductLength = 64;
    public const int MaxBrandPocEmails = 20;
    public const int MaxRestrictPastOffers = 100;
    /// <summary>Three SMS of 160 characters.</summary>
    public const int MaxResendSmsLength = 480;
    public const int MaxReminders = 10;
    public const int MaxReminderTextLength = 1_000;
    /// <summary>As many as the stores file of the wizard may list.</summary>
    public const int MaxOrgEntities = OrgEntityListFile.MaxRows;
    public const int MaxCurrencyLength = 3;

    /// <summary>Adds an error when the text is longer than <paramref name="max"/>; true when it is within.</summary>
    internal static bool Text(string path, string? value, int max, string what, List<FieldError> errors)
    {
        if (value is null || value.Length <= max)
        {
            return true;
        }

        errors.Add(new(path, $"{what} is at most {N(max)} characters (got {N(value.Length)})."));
        return false;
    }

    /// <summary>
    /// Adds an error when the list has more than <paramref name="max"/> items; true when it is within. Callers check
    /// the items only then, so an oversized list is one message, not one per item.
    /// </summary>
    internal static bool Count<T>(string path, IReadOnlyCollection<T> list, int max, string items, List<FieldError> errors)
    {
        if (list.Count <= max)
        {
            return true;
        }

        errors.Add(new(path, $"Choose at most {N(max)} {items} (got {N(list.Count)})."));
        return false;
    }

    internal static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
