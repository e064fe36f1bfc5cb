namespace CouponAdmin.Core.Codes;

public static class CodeFormat
{
    /// <summary>
    /// The form codes are stored and looked up in: upper-case, without the spaces and dashes a cashier or a
    /// customer types to group characters ("abcd-1234 x" → "ABCD1234X").
    /// </summary>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Create(CountKept(code), code, static (destination, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (!IsSeparator(c))
                {
                    destination[i++] = char.ToUpperInvariant(c);
                }
            }
        });
    }

    private static int CountKept(string code)
    {
        var kept = 0;
        foreach (var c in code)
        {
            if (!IsSeparator(c))
            {
                kept++;
            }
        }

        return kept;
    }

    private static bool IsSeparator(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' || char.IsWhiteSpace(c);
}
