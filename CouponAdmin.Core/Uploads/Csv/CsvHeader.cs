namespace CouponAdmin.Core.Uploads.Csv;

/// <summary>Matches a file's header against a layout: which field feeds which column.</summary>
internal static class CsvHeader
{
    private const int ShownNameLength = 40;

    /// <summary>',' or ';', whichever the first non-blank line holds more of outside quotes (',' on a tie, e.g. a one-column file).</summary>
    internal static char SniffDelimiter(string text)
    {
        int commas = 0, semicolons = 0;
        bool quoted = false, seenText = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (quoted)
            {
                continue;
            }
            else if (c is '\r' or '\n')
            {
                if (seenText)
                {
                    break;
                }
            }
            else
            {
                seenText |= !char.IsWhiteSpace(c);
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    /// <summary>For each field of the header, the layout column it feeds (-1 for an unnamed column); or why the header is wrong.</summary>
    internal static (int[]? FieldColumns, string? Refusal) Match(IReadOnlyList<string> names, CsvLayout layout)
    {
        var fieldColumns = new int[names.Count];
        var seen = new bool[layout.Columns.Count];
        var unknown = new List<string>();
        var duplicate = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            var index = names[i].Length == 0 ? -1 : layout.IndexOf(names[i]);
            fieldColumns[i] = index;
            if (names[i].Length > 0 && index < 0)
            {
                unknown.Add(Shown(names[i]));
            }
            else if (index >= 0 && seen[index])
            {
                duplicate.Add(layout.Columns[index].Name);
            }
            else if (index >= 0)
            {
                seen[index] = true;
            }
        }

        var missing = layout.Columns.Where((column, i) => column.Required && !seen[i]).Select(column => column.Name).ToList();
        if (unknown.Count == 0 && duplicate.Count == 0 && missing.Count == 0)
        {
            return (fieldColumns, null);
        }

        var found = names.Count == 0 ? "no header" : string.Join(",", names.Take(12).Select(Shown)) + (names.Count > 12 ? ",…" : "");
        var details = new List<string>();
        if (missing.Count > 0)
        {
            details.Add($"missing {string.Join(", ", missing)}");
        }

        if (unknown.Count > 0)
        {
            details.Add($"unknown {string.Join(", ", unknown.Take(12))}");
        }

        if (duplicate.Count > 0)
        {
            details.Add($"repeated {string.Join(", ", duplicate.Distinct())}");
        }

        return (null, $"The header does not match a {layout.Kind} upload: expected {layout.Describe()}, found {found} ({string.Join("; ", details)}).");
    }

    private static string Shown(string name) => name.Length <= ShownNameLength ? name : name[..ShownNameLength] + "…";
}
