namespace CouponAdmin.Core.Uploads.Csv;

/// <summary>CSV out (issue reports, templates, success reports): RFC 4180 quoting and formula-injection escaping.</summary>
public static class CsvOut
{
    /// <summary>
    /// Escapes one cell: a value starting with = + - @ tab or CR gets a leading apostrophe, so a spreadsheet shows it
    /// as text instead of running it; then it is quoted when it contains a comma, a quote, CR or LF.
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>The cells escaped, joined with ',' and ended with CRLF.</summary>
    public static string Line(params string?[] cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static Task WriteLineAsync(TextWriter writer, params string?[] cells) => writer.WriteAsync(Line(cells));
}
