using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Components.Pages.Incentives.Wizard;

/// <summary>What every step needs besides the offer's settings: the saved offer (if any), the clock and zone, and the errors to show.</summary>
public sealed record WizardContext(
    long? OfferId,
    OfferStatus? Status,
    OfferChangeRules ChangeRules,
    TimeZoneInfo Zone,
    string BaseCurrency,
    DateTimeOffset Now,
    FieldErrors Errors)
{
    public bool IsNew => OfferId is null;
}

/// <summary>Validation problems by JSON path, as the Core validator reports them.</summary>
public sealed class FieldErrors(IReadOnlyList<FieldError> errors)
{
    public static readonly FieldErrors None = new([]);

    public IReadOnlyList<FieldError> All { get; } = errors;

    /// <summary>The messages for a field and its items (<c>brandPocEmails</c> also collects <c>brandPocEmails[2]</c>), joined.</summary>
    public string? For(string path)
    {
        var messages = All.Where(e => e.Path == path || e.Path.StartsWith(path + "[", StringComparison.Ordinal)).Select(e => e.Message).Distinct().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    public bool Has(string path) => For(path) is not null;
}
