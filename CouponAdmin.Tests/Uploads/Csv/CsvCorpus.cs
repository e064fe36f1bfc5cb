using System.Runtime.CompilerServices;
using System.Text;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Uploads.Csv;

namespace CouponAdmin.Tests.Uploads.Csv;

/// <summary>The golden corpus (read from the source tree, so the test project needs no copy rule) and stream helpers.</summary>
internal static class CsvCorpus
{
    public static readonly CsvLayout Customers = new("customers", [new("identifierType"), new("identifier"), new("count", false)]);

    public static Stream File(string name, [CallerFilePath] string here = "") =>
        System.IO.File.OpenRead(Path.Combine(Path.GetDirectoryName(here)!, "Corpus", name));

    public static CsvUploadReader Open(Stream stream, CsvLimits? limits = null)
    {
        var result = CsvUploadReader.Open(stream, Customers, limits);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    public static Error Refusal(Stream stream, CsvLimits? limits = null)
    {
        var result = CsvUploadReader.Open(stream, Customers, limits);
        Assert.False(result.IsSuccess, "the file was accepted");
        Assert.Equal(ErrorCodes.InvalidFile, result.Error!.Code);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
        return result.Error;
    }

    public static List<CsvRow> Rows(string name)
    {
        using var reader = Open(File(name));
        return reader.Rows().ToList();
    }

    public static Stream Text(string text, Encoding? encoding = null) => new MemoryStream((encoding ?? new UTF8Encoding(false)).GetBytes(text));

    /// <summary>(identifierType, identifier, count) of each row, for one-line assertions.</summary>
    public static (string?, string?, string?) Cells(CsvRow row) => (row["identifierType"], row["identifier"], row["count"]);
}

/// <summary>A stream that cannot seek, as an upload body arrives.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        BytesRead += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A header and <c>rows</c> generated rows, produced as they are read: never held in memory.</summary>
internal sealed class GeneratedCsvStream(int rows, Func<int, byte[]>? row = null) : Stream
{
    private readonly Func<int, byte[]> row = row ?? (i => Encoding.ASCII.GetBytes($"mobile,+4477{i:D8},{i % 5}\r\n"));
    private byte[] pending = Encoding.ASCII.GetBytes("identifierType,identifier,count\r\n");
    private int pendingAt;
    private int next;

    public long BytesProduced { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (pendingAt == pending.Length)
        {
            if (next == rows)
            {
                return 0;
            }

            pending = row(next++);
            pendingAt = 0;
        }

        var n = Math.Min(count, pending.Length - pendingAt);
        Array.Copy(pending, pendingAt, buffer, offset, n);
        pendingAt += n;
        BytesProduced += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
