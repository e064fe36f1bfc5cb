using System.Text;

namespace CouponAdmin.Core.Uploads.Csv;

/// <summary>What the first bytes of an upload say about it: its encoding, or why it is not CSV text at all.</summary>
internal static class CsvEncodingSniffer
{
    /// <summary>Decoded in place of a byte sequence that is not UTF-8; the parser refuses the file where it sees one.</summary>
    internal const char InvalidByteMarker = '\uFDD0';

    internal sealed record Sniffed(string Name, Encoding Encoding, int BomLength);

    internal static readonly Encoding Utf8 =
        Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(InvalidByteMarker.ToString()));

    internal static readonly Encoding Windows1252 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    /// <summary>
    /// Sniffs <paramref name="prefix"/>, the first bytes of the file (<paramref name="complete"/> when that is all of it).
    /// <paramref name="rest"/>, when given, is the remainder of a seekable file: it is scanned too, so a Windows-1252 file whose
    /// first accented letter comes late is still recognised. Returns a reason to refuse, or the encoding.
    /// </summary>
    internal static (Sniffed? Sniffed, string? Refusal) Sniff(ReadOnlySpan<byte> prefix, bool complete, Stream? rest)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || prefix.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (null, "The file is UTF-16 (or UTF-32) text; save it as CSV UTF-8 instead.");
        }

        var bom = prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var body = prefix[bom..];
        if (body.IndexOf((byte)0) >= 0)
        {
            return (null, LooksLikeUtf16(body)
                ? "The file is UTF-16 text; save it as CSV UTF-8 instead."
                : "The file is not text (it holds binary data); upload a CSV file.");
        }

        if (ControlBytes(body) * 100 > body.Length)
        {
            return (null, "The file is not text (it holds binary data); upload a CSV file.");
        }

        var scan = ScanUtf8(body, complete, rest);
        if (scan == Utf8Scan.HasNul)
        {
            return (null, "The file is not text (it holds binary data); upload a CSV file.");
        }

        if (bom > 0)
        {
            return scan == Utf8Scan.Valid
                ? (new Sniffed("utf-8-bom", Utf8, bom), null)
                : (null, "The file starts with a UTF-8 byte order mark but holds bytes that are not UTF-8; save it again as CSV UTF-8.");
        }

        return scan == Utf8Scan.Valid ? (new Sniffed("utf-8", Utf8, 0), null) : (new Sniffed("windows-1252", Windows1252, 0), null);
    }

    private enum Utf8Scan
    {
        Valid,
        Invalid,
        HasNul,
    }

    private static Utf8Scan ScanUtf8(ReadOnlySpan<byte> body, bool complete, Stream? rest)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        try
        {
            decoder.GetCharCount(body, flush: complete && rest is null);
            if (rest is null || complete)
            {
                return Utf8Scan.Valid;
            }

            var buffer = new byte[81920];
            int read;
            while ((read = rest.Read(buffer)) > 0)
            {
                if (buffer.AsSpan(0, read).IndexOf((byte)0) >= 0)
                {
                    return Utf8Scan.HasNul;
                }

                decoder.GetCharCount(buffer.AsSpan(0, read), flush: false);
            }

            decoder.GetCharCount([], flush: true);
            return Utf8Scan.Valid;
        }
        catch (DecoderFallbackException)
        {
            return Utf8Scan.Invalid;
        }
    }

    // UTF-16 without a byte order mark: ASCII text leaves every other byte zero.
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> body)
    {
        int even = 0, odd = 0, pairs = Math.Min(body.Length, 4096) / 2;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            even += body[i] == 0 ? 1 : 0;
            odd += body[i + 1] == 0 ? 1 : 0;
        }

        return pairs > 0 && (Math.Max(even, odd) * 10 >= pairs * 4) && (Math.Min(even, odd) * 10 < pairs);
    }

    private static int ControlBytes(ReadOnlySpan<byte> body)
    {
        var count = 0;
        foreach (var b in body)
        {
            count += b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C or 0x1A) ? 1 : 0;
        }

        return count;
    }
}
