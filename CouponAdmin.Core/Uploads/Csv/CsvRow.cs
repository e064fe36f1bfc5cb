namespace CouponAdmin.Core.Uploads.Csv;

/// <summary>
/// One data row. <see cref="RowNumber"/> is the 1-based record number in the file counting the header as row 1
/// (so the first data row is 2, as a spreadsheet shows it; blank lines count, as they do in a spreadsheet).
/// </summary>
public sealed class CsvRow
{
    private readonly CsvLayout layout;
    private readonly string?[] values;

    internal CsvRow(int rowNumber, CsvLayout layout, string?[] values, IReadOnlyList<string> problems)
    {
        RowNumber = rowNumber;
        this.layout = layout;
        this.values = values;
        Problems = problems;
    }

    public int RowNumber { get; }

    /// <summary>Why the row cannot be used as it is (wrong field count, a required value missing); empty when fine. Never holds row data.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The trimmed cell of a layout column (name matched ignoring case); null when the column is absent or the cell is empty.</summary>
    /// <exception cref="ArgumentException">The name is not a column of the layout (a bug in the caller).</exception>
    public string? this[string column]
    {
        get
        {
            var index = layout.IndexOf(column);
            return index >= 0
                ? values[index]
                : throw new ArgumentException($"'{column}' is not a column of the {layout.Kind} layout ({layout.Describe()}).", nameof(column));
        }
    }

    /// <summary>The row of a record's trimmed fields; <paramref name="fieldColumns"/> maps each header field to its layout column (-1: none), <paramref name="columnFields"/> the reverse.</summary>
    internal static CsvRow From(int rowNumber, CsvLayout layout, List<string> fields, int[] fieldColumns, int[] columnFields, bool misplacedQuote)
    {
        var values = new string?[layout.Columns.Count];
        var wrongFieldCount = false;
        for (var i = 0; i < fields.Count; i++)
        {
            var column = i < fieldColumns.Length ? fieldColumns[i] : -1;
            if (column >= 0)
            {
                values[column] = fields[i].Length == 0 ? null : fields[i];
            }
            else
            {
                wrongFieldCount |= fields[i].Length > 0;
            }
        }

        var problems = new List<string>();
        for (var column = 0; column < values.Length; column++)
        {
            if (layout.Columns[column].Required && values[column] is null)
            {
                if (columnFields[column] >= fields.Count)
                {
                    wrongFieldCount = true;
                }
                else
                {
                    problems.Add($"row {rowNumber}: {layout.Columns[column].Name} is empty");
                }
            }
        }

        if (wrongFieldCount)
        {
            problems.Insert(0, $"row {rowNumber} has {fields.Count} field{(fields.Count == 1 ? "" : "s")}; expected {layout.Describe()}");
        }

        if (misplacedQuote)
        {
            problems.Add($"row {rowNumber} has a misplaced quote (\"); quote a whole field or double the quote inside it");
        }

        return new CsvRow(rowNumber, layout, values, problems);
    }
}
