using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;

namespace CouponAdmin.Tests.Customers;

public class CustomerIdentifierTests
{
    [Theory]
    [InlineData(IdentifierType.UserId, "42", "42")]
    [InlineData(IdentifierType.UserId, "007", "7")]
    [InlineData(IdentifierType.UserId, " 9223372036854775807 ", "9223372036854775807")]
    [InlineData(IdentifierType.Email, "Ann.Lee@Example.COM", "ann.lee@example.com")]
    [InlineData(IdentifierType.Email, " ann+promo@mail.example.in ", "ann+promo@mail.example.in")]
    [InlineData(IdentifierType.Mobile, "+91 98000-00001", "+919800000001")]
    [InlineData(IdentifierType.Mobile, "(0)98000 00001", "09800000001")]
    [InlineData(IdentifierType.Mobile, "98000000", "98000000")]
    [InlineData(IdentifierType.Mobile, "+123456789012345", "+123456789012345")]
    [InlineData(IdentifierType.ExternalId, "CRM-00042", "CRM-00042")]
    [InlineData(IdentifierType.ExternalId, " Ext Id 7 ", "Ext Id 7")]
    public void AValidIdentifierIsAcceptedInItsNormalForm(IdentifierType type, string raw, string normalized)
    {
        var result = CustomerIdentifiers.Parse(type, raw);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(new CustomerIdentifier(type, normalized), result.Value);
    }

    [Theory]
    [InlineData(IdentifierType.UserId, "0")]
    [InlineData(IdentifierType.UserId, "-5")]
    [InlineData(IdentifierType.UserId, "+5")]
    [InlineData(IdentifierType.UserId, "12a")]
    [InlineData(IdentifierType.UserId, "1.5")]
    [InlineData(IdentifierType.UserId, "99999999999999999999")]
    [InlineData(IdentifierType.Email, "ann")]
    [InlineData(IdentifierType.Email, "ann@example")]
    [InlineData(IdentifierType.Email, "ann@example.c")]
    [InlineData(IdentifierType.Email, "ann lee@example.com")]
    [InlineData(IdentifierType.Email, "ann@@example.com")]
    [InlineData(IdentifierType.Mobile, "9800001")]
    [InlineData(IdentifierType.Mobile, "1234567890123456")]
    [InlineData(IdentifierType.Mobile, "98000abc001")]
    [InlineData(IdentifierType.Mobile, "91+9800000001")]
    [InlineData(IdentifierType.ExternalId, "CRM\u000100042")]
    public void AMalformedIdentifierIsRefusedNamingTheValue(IdentifierType type, string raw)
    {
        var result = CustomerIdentifiers.Parse(type, raw);

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorCodes.InvalidCustomerIdentifier, result.Error!.Code);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
        Assert.Contains($"'{raw}'", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmailIsAtMost254Characters()
    {
        static string EmailOfLength(int length) => "a@" + new string('b', length - 5) + ".in";

        Assert.True(CustomerIdentifiers.Parse(IdentifierType.Email, EmailOfLength(254)).IsSuccess);
        Assert.False(CustomerIdentifiers.Parse(IdentifierType.Email, EmailOfLength(255)).IsSuccess);
    }

    [Fact]
    public void AnExternalIdIsAtMost64Characters()
    {
        Assert.True(CustomerIdentifiers.Parse(IdentifierType.ExternalId, new string('x', 64)).IsSuccess);

        var tooLong = new string('x', 65);
        var result = CustomerIdentifiers.Parse(IdentifierType.ExternalId, tooLong);

        Assert.Equal(ErrorCodes.InvalidCustomerIdentifier, result.Error?.Code);
        Assert.Contains(tooLong, result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IdentifierType.UserId)]
    [InlineData(IdentifierType.Email)]
    [InlineData(IdentifierType.Mobile)]
    [InlineData(IdentifierType.ExternalId)]
    public void AnEmptyOrMissingIdentifierIsRefused(IdentifierType type)
    {
        Assert.Equal(ErrorCodes.InvalidCustomerIdentifier, CustomerIdentifiers.Parse(type, "   ").Error?.Code);
        Assert.Equal(ErrorCodes.InvalidCustomerIdentifier, CustomerIdentifiers.Parse(type, null).Error?.Code);
    }

    [Fact]
    public void EachTypeExplainsItsOwnForm()
    {
        var messages = Enum.GetValues<IdentifierType>()
            .Select(type => CustomerIdentifiers.Parse(type, "").Error!.Message)
            .ToList();

        Assert.Equal(4, messages.Count);
        Assert.Equal(messages.Count, messages.Distinct().Count());
        Assert.Contains(messages, m => m.Contains("user id", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("e-mail", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("mobile", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("external id", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("email", IdentifierType.Email)]
    [InlineData("EMAIL", IdentifierType.Email)]
    [InlineData("Email", IdentifierType.Email)]
    [InlineData(" mobile ", IdentifierType.Mobile)]
    [InlineData("userId", IdentifierType.UserId)]
    [InlineData("USERID", IdentifierType.UserId)]
    [InlineData("externalid", IdentifierType.ExternalId)]
    public void TheTypeWordIsReadCaseInsensitively(string word, IdentifierType type)
    {
        var value = type switch
        {
            IdentifierType.UserId => "007",
            IdentifierType.Email => "Ann@Example.com",
            IdentifierType.Mobile => "+91 98000 00001",
            _ => "CRM-1",
        };

        var result = CustomerIdentifiers.Parse(word, value);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(CustomerIdentifiers.Parse(type, value).Value, result.Value);
        Assert.Equal(type, result.Value!.Type);
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("e-mail")]
    [InlineData("user_id")]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData("userId,mobile")]
    [InlineData("email, mobile")]
    [InlineData("")]
    [InlineData(null)]
    public void AnUnknownTypeWordIsRefused(string? word)
    {
        var result = CustomerIdentifiers.Parse(word, "ann@example.com");

        var refusedAsTypeWord = result.Error?.Message.Contains($"'{word}' is not an identifier type", StringComparison.Ordinal) == true;
        Assert.True(refusedAsTypeWord, result.IsSuccess
            ? $"'{word}' was read as the type {result.Value!.Type}."
            : $"'{word}' was read as a type word, then the value was refused: {result.Error!.Message}");
        Assert.Equal(ErrorCodes.InvalidCustomerIdentifier, result.Error!.Code);
    }

    [Fact]
    public void AnEmailIsNormalisedForOtherUses()
    {
        Assert.Equal("poc@brand.example", CustomerIdentifiers.NormalizeEmail(" POC@Brand.Example ").Value);
        Assert.Equal(ErrorCodes.InvalidCustomerIdentifier, CustomerIdentifiers.NormalizeEmail("poc@brand").Error?.Code);
    }
}
