using System.Globalization;
using CouponAdmin.Core.Common;
using CsvHelper;

namespace CouponAdmin.Core.Uploads.Csv;

/// <summary>
/// Reads an uploaded CSV file row by row without loading it: sniffs its encoding and delimiter, checks its header
/// against a <see cref="CsvLayout"/>, then streams its data rows. Disposing the reader disposes the stream; when
/// <see cref="Open"/> refuses a file, the stream stays the caller's.
/// </summary>
public sealed class CsvUploadReader : IDisposable
{
    private const int PrefixBytes = 64 * 1024;

    private readonly CsvLayout layout;
    private readonly CsvLimits limits;
    private readonly CsvReader parser;
    private readonly List<string> fields = [];
    private readonly List<CsvMalformedReason> malformed = [];
    private int[] fieldColumns = [];
    private int[] columnFields = [];
    private int rowNumber;

    private CsvUploadReader(TextReader input, CsvLayout layout, CsvLimits limits, string encoding, char delimiter)
    {
        this.layout = layout;
        this.limits = limits;
        DetectedEncoding = encoding;
        Delimiter = delimiter;
        parser = CsvReader.Create(input, new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = false,
            TrimWhitespace = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => malformed.Add(record.Reason),
            MaxRecordSize = MaxRecordBytes(layout, limits),
            IncludeValuesInExceptions = false,
            DetectSeparatorHint = false,
        }, leaveOpen: false);
    }

    /// <summary>"utf-8", "utf-8-bom" or "windows-1252".</summary>
    public string DetectedEncoding { get; }

    /// <summary>',' or ';', sniffed from the header line.</summary>
    public char Delimiter { get; }

    /// <summary>
    /// Detects the encoding (UTF-8 with or without BOM; Windows-1252 when the bytes are not UTF-8), the delimiter, and
    /// checks the header. Refuses (<see cref="ErrorCodes.InvalidFile"/>, naming the expected header) an empty, oversized,
    /// binary or UTF-16 file and a header that does not match the layout.
    /// </summary>
    public static Result<CsvUploadReader> Open(Stream stream, CsvLayout layout, CsvLimits? limits = null)
    {
        limits ??= new CsvLimits();
        if (stream.CanSeek && stream.Length - stream.Position > limits.MaxFileBytes)
        {
            return Refuse(layout, $"The file is {Megabytes(stream.Length - stream.Position)}; the limit is {Megabytes(limits.MaxFileBytes)}.");
        }

        var start = stream.CanSeek ? stream.Position : 0;
        var prefix = new byte[PrefixBytes];
        var length = stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        var complete = length < prefix.Length;
        if (length > limits.MaxFileBytes)
        {
            return Refuse(layout, $"The file is larger than the limit of {Megabytes(limits.MaxFileBytes)}.");
        }

        if (length == 0)
        {
            return Refuse(layout, "The file is empty.");
        }

        var (sniffed, refusal) = CsvEncodingSniffer.Sniff(prefix.AsSpan(0, length), complete, stream.CanSeek && !complete ? stream : null);
        if (sniffed is null)
        {
            return Refuse(layout, refusal!);
        }

        if (stream.CanSeek && !complete)
        {
            stream.Position = start + length;
        }

        var text = sniffed.Encoding.GetString(prefix, sniffed.BomLength, length - sniffed.BomLength);
        if (complete && string.IsNullOrWhiteSpace(text))
        {
            return Refuse(layout, "The file is empty.");
        }

        var input = new CsvInputStream(prefix, sniffed.BomLength, length, stream, limits.MaxFileBytes);
        var decoded = new StreamReader(input, sniffed.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024);
        var reader = new CsvUploadReader(decoded, layout, limits, sniffed.Name, CsvHeader.SniffDelimiter(text));
        var headerRefusal = reader.ReadHeader();
        if (headerRefusal is not null)
        {
            input.OwnsRest = false;
            reader.Dispose();
            return Refuse(layout, headerRefusal);
        }

        return reader;
    }

    /// <summary>
    /// Streams the data rows; can be enumerated once. Blank lines are skipped (but counted in row numbers); a row whose
    /// fields do not fit the layout is still yielded, with its <see cref="CsvRow.Problems"/>. Throws
    /// <see cref="CsvFileException"/> where the file breaks, after yielding the rows before it.
    /// </summary>
    public IEnumerable<CsvRow> Rows()
    {
        while (Next())
        {
            if (fields.TrueForAll(field => field.Length == 0))
            {
                continue;
            }

            yield return CsvRow.From(rowNumber, layout, fields, fieldColumns, columnFields,
                misplacedQuote: malformed.Exists(reason => reason is CsvMalformedReason.StrayQuote or CsvMalformedReason.TextAfterClosingQuote));
        }
    }

    public void Dispose() => parser.Dispose();

    private string? ReadHeader()
    {
        try
        {
            while (Next())
            {
                if (fields.TrueForAll(field => field.Length == 0))
                {
                    continue;
                }

                var (matched, refusal) = CsvHeader.Match(fields, layout);
                if (matched is null)
                {
                    return refusal;
                }

                fieldColumns = matched;
                columnFields = Enumerable.Range(0, layout.Columns.Count).Select(column => Array.IndexOf(matched, column)).ToArray();
                return null;
            }

            return "The file is empty.";
        }
        catch (CsvFileException e)
        {
            return e.Message;
        }
    }

    /// <summary>Reads the next record's trimmed fields; false at the end. Throws <see cref="CsvFileException"/> where the file breaks.</summary>
    private bool Next()
    {
        malformed.Clear();
        try
        {
            if (!parser.Read())
            {
                return false;
            }
        }
        catch (CsvInputStream.FileTooLargeException e)
        {
            throw new CsvFileException($"Row {rowNumber + 1}: the file is larger than the limit of {Megabytes(limits.MaxFileBytes)}.", rowNumber + 1, e);
        }
        catch (CsvFormatException e)
        {
            throw new CsvFileException(
                $"Row {rowNumber + 1} is longer than {limits.MaxFieldLength:N0} characters a field allows, or a quoted field in it is never closed (a \" is missing).",
                rowNumber + 1, e);
        }

        rowNumber++;
        if (malformed.Contains(CsvMalformedReason.UnterminatedQuote))
        {
            throw new CsvFileException($"Row {rowNumber}: a quoted field is never closed (a \" is missing).", rowNumber);
        }

        fields.Clear();
        for (var i = 0; i < parser.FieldCount; i++)
        {
            var value = parser.GetString(i) ?? "";
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                throw new CsvFileException($"Row {rowNumber}: the file holds binary data, not text.", rowNumber);
            }

            if (value.Contains(CsvEncodingSniffer.InvalidByteMarker, StringComparison.Ordinal))
            {
                throw new CsvFileException($"Row {rowNumber}: the file holds bytes that are not {DetectedEncoding} text; save it again as CSV UTF-8.", rowNumber);
            }

            value = value.Trim();
            if (value.Length > limits.MaxFieldLength)
            {
                throw new CsvFileException($"Row {rowNumber}: field {i + 1} is {value.Length:N0} characters long; the limit is {limits.MaxFieldLength:N0}.", rowNumber);
            }

            fields.Add(value);
        }

        return true;
    }

    private static int MaxRecordBytes(CsvLayout layout, CsvLimits limits) =>
        (int)Math.Clamp((long)limits.MaxFieldLength * 4 * (layout.Columns.Count + 2), 64 * 1024, int.MaxValue / 4);

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.##} MB");

    private static Error Refuse(CsvLayout layout, string problem) =>
        new(ErrorCodes.InvalidFile, $"{problem} A {layout.Kind} upload is a CSV file (UTF-8) with the header {layout.Describe()}.", ErrorKind.Validation);
}
