using CouponAdmin.Core.Common;
using CouponAdmin.Core.Uploads.Csv;

namespace CouponAdmin.Core.Uploads;

/// <summary>One chunk of rows and what became of each: refused rows become issue-report lines, issued codes success-report lines.</summary>
internal sealed class UploadChunk(IReadOnlyList<CsvRow> rows)
{
    private readonly HashSet<int> _failedRows = [];

    public IReadOnlyList<CsvRow> Rows { get; } = rows;
    public List<UploadIssue> Issues { get; } = [];
    public List<(int Row, string? Identifier, string Code)> Issued { get; } = [];

    private readonly HashSet<int> _partialRows = [];

    public int Failed => _failedRows.Count;
    public int PartlyIssued => _partialRows.Count;
    public int Succeeded => Rows.Count - _failedRows.Count - _partialRows.Count;

    /// <summary>A row that did part of what it asked (some of its <c>count</c>): reported with the reason, counted apart from failures.</summary>
    public void Partial(int row, string? identifier, Error error)
    {
        _partialRows.Add(row);
        Issues.Add(new UploadIssue { Row = row, Identifier = Clip(identifier, 300), Error = error.Code, Message = Clip(error.Message, 1000)! });
    }

    public void Fail(int row, string? identifier, string? code, Error error) => Fail(row, identifier, code, error.Code, error.Message);

    public void Fail(int row, string? identifier, string? code, string errorCode, string message)
    {
        _failedRows.Add(row);
        Issues.Add(new UploadIssue { Row = row, Identifier = Clip(identifier, 300), Code = Clip(code, 100), Error = errorCode, Message = Clip(message, 1000)! });
    }

    /// <summary>A row whose own cells are malformed (the reader's structural problems, a bad number).</summary>
    public void Invalid(CsvRow row, string? identifier, string message) => Fail(row.RowNumber, identifier, null, ErrorCodes.InvalidRow, message);

    public void AddIssued(int row, string? identifier, string code) => Issued.Add((row, identifier, code));

    private static string? Clip(string? value, int max) => value is { Length: var n } && n > max ? value[..max] : value;
}
