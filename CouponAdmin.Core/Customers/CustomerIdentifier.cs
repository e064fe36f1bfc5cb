using System.Text.RegularExpressions;
using CouponAdmin.Core.Common;

namespace CouponAdmin.Core.Customers;

public enum IdentifierType { UserId, ExternalId, Mobile, Email }

/// <summary>How a customer is referred to everywhere: <c>{ "type": "mobile", "value": "+919800000001" }</c>.</summary>
public sealed record CustomerIdentifier(IdentifierType Type, string Value)
{
    public override string ToString() => $"{Type}:{Value}";
}

/// <summary>The one place identifiers are checked and normalised, for the API, uploads and the UI alike.</summary>
public static partial class CustomerIdentifiers
{
    public const int MaxExternalIdLength = 64;
    public const int MaxEmailLength = 254;

    public static Result<CustomerIdentifier> Parse(IdentifierType type, string? raw)
    {
        var value = raw?.Trim() ?? "";
        return type switch
        {
            IdentifierType.UserId => ParseUserId(value),
            IdentifierType.Email => ParseEmail(value),
            IdentifierType.Mobile => ParseMobile(value),
            _ => ParseExternalId(value),
        };
    }

    /// <summary>Parses the type word used in files and URLs ("userId", "email", ...), case-insensitively.</summary>
    public static Result<CustomerIdentifier> Parse(string? type, string? raw) =>
        Enum.GetNames<IdentifierType>().FirstOrDefault(n => n.Equals(type?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Parse(Enum.Parse<IdentifierType>(name), raw)
            : Invalid($"'{type}' is not an identifier type: use userId, externalId, mobile or email.");

    public static Result<string> NormalizeEmail(string? raw) =>
        ParseEmail(raw?.Trim() ?? "") is { IsSuccess: true } ok ? ok.Value.Value : Invalid($"'{raw}' is not a valid e-mail address.");

    private static Result<CustomerIdentifier> ParseUserId(string value) =>
        long.TryParse(value, System.Globalization.NumberStyles.None, null, out var id) && id > 0
            ? new CustomerIdentifier(IdentifierType.UserId, id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : Invalid($"'{value}' is not a valid user id: a user id is a positive whole number.");

    private static Result<CustomerIdentifier> ParseEmail(string value) =>
        value.Length <= MaxEmailLength && EmailPattern().IsMatch(value)
            ? new CustomerIdentifier(IdentifierType.Email, value.ToLowerInvariant())
            : Invalid($"'{value}' is not a valid e-mail address.");

    private static Result<CustomerIdentifier> ParseMobile(string value)
    {
        var compact = MobileSeparators().Replace(value, "");
        return MobilePattern().IsMatch(compact)
            ? new CustomerIdentifier(IdentifierType.Mobile, compact)
            : Invalid($"'{value}' is not a valid mobile number: use 8 to 15 digits, optionally starting with +.");
    }

    private static Result<CustomerIdentifier> ParseExternalId(string value) =>
        value.Length is > 0 and <= MaxExternalIdLength && !value.Any(char.IsControl)
            ? new CustomerIdentifier(IdentifierType.ExternalId, value)
            : Invalid($"'{value}' is not a valid external id: use 1 to {MaxExternalIdLength} printable characters.");

    private static Error Invalid(string message) => new(ErrorCodes.InvalidCustomerIdentifier, message, ErrorKind.Validation);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9]{8,15}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex MobileSeparators();
}
