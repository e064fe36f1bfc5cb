using System.Text;
using CouponAdmin.Core.Uploads.Csv;

namespace CouponAdmin.Core.Uploads;

/// <summary>
/// The success report file (<c>row,identifier,code</c>) of an upload. Lines are appended and flushed before the chunk's
/// transaction commits; the committed length is the checkpoint, so a resumed run first cuts off what a crash left
/// behind of an uncommitted chunk.
/// </summary>
internal sealed class SuccessReport(string path, long committedBytes) : IDisposable
{
    public static readonly string Header = CsvOut.Line("row", "identifier", "code");

    private FileStream? _file;

    public async Task<long> AppendAsync(IReadOnlyList<(int Row, string? Identifier, string Code)> lines, CancellationToken ct)
    {
        if (lines.Count == 0)
        {
            return _file?.Length ?? committedBytes;
        }

        if (_file is null)
        {
            _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
            _file.SetLength(committedBytes);
            _file.Position = committedBytes;
        }

        var text = new StringBuilder(lines.Count * 32);
        foreach (var (row, identifier, code) in lines)
        {
            text.Append(CsvOut.Line(row.ToString(System.Globalization.CultureInfo.InvariantCulture), identifier, code));
        }

        await _file.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), ct);
        await _file.FlushAsync(ct);
        return _file.Length;
    }

    public void Dispose() => _file?.Dispose();
}
