using CouponAdmin.Core.Offers;

namespace CouponAdmin.Core.Codes;

/// <summary>The characters a generated code may use. Codes are upper-case so a typed code matches after <see cref="CodeFormat.Normalize"/>.</summary>
public static class CodeAlphabets
{
    public const string Numeric = "0123456789";

    public const string Alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Alphanumeric without 0, O, 1, I and L, which are misread on receipts and phone screens.</summary>
    public const string Unambiguous = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string For(CodeAlphabet alphabet) => alphabet switch
    {
        CodeAlphabet.Numeric => Numeric,
        CodeAlphabet.Alphanumeric => Alphanumeric,
        CodeAlphabet.Unambiguous => Unambiguous,
        _ => throw new ArgumentOutOfRangeException(nameof(alphabet), alphabet, "Unknown code alphabet."),
    };
}
