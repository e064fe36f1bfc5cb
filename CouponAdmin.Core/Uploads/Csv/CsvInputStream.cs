namespace CouponAdmin.Core.Uploads.Csv;

/// <summary>Replays the sniffed first bytes, then reads on from the upload, refusing to read past the size limit.</summary>
internal sealed class CsvInputStream(byte[] prefix, int prefixStart, int prefixEnd, Stream rest, long maxBytes) : Stream
{
    private int prefixPosition = prefixStart;
    private long total = prefixEnd;

    /// <summary>Whether disposing this disposes the upload stream too; false once <see cref="CsvUploadReader.Open"/> refused it.</summary>
    public bool OwnsRest { get; set; } = true;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (prefixPosition < prefixEnd)
        {
            var n = Math.Min(buffer.Length, prefixEnd - prefixPosition);
            prefix.AsSpan(prefixPosition, n).CopyTo(buffer);
            prefixPosition += n;
            return n;
        }

        var read = rest.Read(buffer);
        total += read;
        return total > maxBytes ? throw new FileTooLargeException(maxBytes) : read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && OwnsRest)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }

    internal sealed class FileTooLargeException(long maxBytes)
        : IOException($"The file is larger than {maxBytes:N0} bytes.")
    {
        public long MaxBytes { get; } = maxBytes;
    }
}
