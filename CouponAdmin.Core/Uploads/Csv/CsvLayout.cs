namespace CouponAdmin.Core.Uploads.Csv;

/// <summary>One expected column of an upload kind's file.</summary>
public sealed record CsvColumn(string Name, bool Required = true);

/// <summary>The header a kind expects, e.g. <c>new CsvLayout("customers", [new("identifierType"), new("identifier"), new("count", false)])</c>.</summary>
public sealed record CsvLayout(string Kind, IReadOnlyList<CsvColumn> Columns)
{
    /// <summary>"identifierType,identifier[,count]": optional columns in brackets; used in messages and templates.</summary>
    public string Describe()
    {
        var text = new System.Text.StringBuilder();
        foreach (var column in Columns)
        {
            var separator = text.Length == 0 ? "" : ",";
            text.Append(column.Required ? $"{separator}{column.Name}" : $"[{separator}{column.Name}]");
        }

        return text.ToString();
    }

    /// <summary>The position of a column in <see cref="Columns"/>, matched ignoring case and surrounding spaces; -1 when it is not one.</summary>
    public int IndexOf(string name)
    {
        var trimmed = name.Trim();
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
