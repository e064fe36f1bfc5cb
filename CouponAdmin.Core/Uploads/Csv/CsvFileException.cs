using CouponAdmin.Core.Common;

namespace CouponAdmin.Core.Uploads.Csv;

/// <summary>
/// Thrown while enumerating rows when the file turns out broken part-way (unclosed quote, field over the limit,
/// binary content, bad encoding byte sequence, over the size limit). The rows before it were yielded.
/// </summary>
public sealed class CsvFileException : Exception
{
    public CsvFileException(string message, int rowNumber, Exception? innerException = null)
        : base(message, innerException)
    {
        RowNumber = rowNumber;
    }

    public CsvFileException()
        : this("The file cannot be read.", 0)
    {
    }

    public CsvFileException(string message)
        : this(message, 0)
    {
    }

    public CsvFileException(string message, Exception innerException)
        : this(message, 0, innerException)
    {
    }

    public string Code { get; } = ErrorCodes.InvalidFile;

    /// <summary>The row (header = 1) where the file broke; 0 when not tied to a row.</summary>
    public int RowNumber { get; }
}
