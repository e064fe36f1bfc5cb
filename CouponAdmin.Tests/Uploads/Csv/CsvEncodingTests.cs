using System.Text;
using CouponAdmin.Core.Uploads.Csv;
using static CouponAdmin.Tests.Uploads.Csv.CsvCorpus;

namespace CouponAdmin.Tests.Uploads.Csv;

public class CsvEncodingTests
{
    [Fact]
    public void AUtf8FileWithAByteOrderMarkIsReadWithoutTheMarkInTheFirstColumn()
    {
        using var reader = Open(File("utf8-bom.csv"));
        var rows = reader.Rows().ToList();

        Assert.Equal("utf-8-bom", reader.DetectedEncoding);
        Assert.Equal([("mobile", "+447700900001", "2"), ("email", "zoë@example.com", null)], rows.Select(Cells));
    }

    [Fact]
    public void AUtf8FileWithoutAByteOrderMarkIsReadAsUtf8()
    {
        using var reader = Open(File("utf8-no-bom.csv"));
        var rows = reader.Rows().ToList();

        Assert.Equal("utf-8", reader.DetectedEncoding);
        Assert.Equal("zoë@example.com", rows[1]["identifier"]);
    }

    [Fact]
    public void AWindows1252FileIsDetectedAndItsAccentsAndPoundSignDecoded()
    {
        using var reader = Open(File("windows-1252.csv"));
        var rows = reader.Rows().ToList();

        Assert.Equal("windows-1252", reader.DetectedEncoding);
        Assert.Equal("Chloé £5", Assert.Single(rows)["identifier"]);
    }

    [Fact]
    public void AWindows1252FileWhoseFirstAccentComesLateIsStillDecodedWhenTheStreamCanSeek()
    {
        var text = new StringBuilder("identifierType,identifier\r\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("mobile,").Append(1000 + i).Append("\r\n");
        }

        text.Append("name,Renée\r\n");
        using var reader = Open(Text(text.ToString(), CodePagesEncodingProvider.Instance.GetEncoding(1252)));

        Assert.Equal("windows-1252", reader.DetectedEncoding);
        Assert.Equal("Renée", reader.Rows().Last()["identifier"]);
    }

    [Fact]
    public void BytesThatAreNotUtf8AfterTheSniffedStartOfAForwardOnlyStreamBreakTheFileAtTheirRow()
    {
        var body = new GeneratedCsvStream(20_000, i => i == 15_000 ? [.. "name,Ren"u8, 0xE9, .. "e\r\n"u8] : Encoding.ASCII.GetBytes($"mobile,{i}\r\n"));
        using var reader = Open(body);
        var seen = 0;

        var error = Assert.Throws<CsvFileException>(() =>
        {
            foreach (var _ in reader.Rows())
            {
                seen++;
            }
        });

        Assert.Equal(15_002, error.RowNumber);
        Assert.Equal(15_000, seen);
        Assert.Contains("not utf-8", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AUtf16FileWithAByteOrderMarkIsRefusedAsUtf16()
    {
        var error = Refusal(File("utf16-bom.csv"));

        Assert.Contains("UTF-16", error.Message);
        Assert.Contains("identifierType,identifier[,count]", error.Message);
    }

    [Fact]
    public void AUtf16FileWithoutAByteOrderMarkIsRefusedAsUtf16()
    {
        Assert.Contains("UTF-16", Refusal(File("utf16-no-bom.csv")).Message);
    }

    [Fact]
    public void APngImageIsRefusedAsNotText()
    {
        var error = Refusal(File("image.png"));

        Assert.Contains("not text", error.Message);
        Assert.Contains("identifierType,identifier[,count]", error.Message);
    }

    [Fact]
    public void BinaryDataPastTheSniffedStartOfAForwardOnlyStreamBreaksTheFileAtItsRow()
    {
        var body = new GeneratedCsvStream(20_000, i => i == 12_345 ? [.. "mobile,1"u8, 0, 0, .. "\r\n"u8] : Encoding.ASCII.GetBytes($"mobile,{i}\r\n"));
        using var reader = Open(body);
        var rows = new List<int>();

        var error = Assert.Throws<CsvFileException>(() =>
        {
            foreach (var row in reader.Rows())
            {
                rows.Add(row.RowNumber);
            }
        });

        Assert.Equal(12_347, error.RowNumber);
        Assert.Equal(12_346, rows[^1]);
        Assert.Contains("binary", error.Message);
    }

    [Fact]
    public void BinaryDataLateInASeekableFileIsRefusedBeforeAnyRowIsRead()
    {
        var bytes = new List<byte>("identifierType,identifier\r\n"u8.ToArray());
        for (var i = 0; i < 10_000; i++)
        {
            bytes.AddRange(Encoding.ASCII.GetBytes($"mobile,{i}\r\n"));
        }

        bytes.AddRange([0, 1, 2, 0]);

        Assert.Contains("not text", Refusal(new MemoryStream(bytes.ToArray())).Message);
    }
}
