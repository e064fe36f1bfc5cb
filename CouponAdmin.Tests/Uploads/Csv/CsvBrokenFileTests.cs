using System.Text;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Uploads.Csv;
using static CouponAdmin.Tests.Uploads.Csv.CsvCorpus;

namespace CouponAdmin.Tests.Uploads.Csv;

public class CsvBrokenFileTests
{
    [Fact]
    public void AnUnclosedQuoteBreaksTheFileAtItsRowAfterTheRowsBeforeItAreYielded()
    {
        using var reader = Open(File("unclosed-quote.csv"));
        var seen = new List<string?>();

        var error = Assert.Throws<CsvFileException>(() =>
        {
            foreach (var row in reader.Rows())
            {
                seen.Add(row["identifier"]);
            }
        });

        Assert.Equal(["1001", "1002"], seen);
        Assert.Equal(4, error.RowNumber);
        Assert.Equal(ErrorCodes.InvalidFile, error.Code);
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void AnUnclosedQuoteEarlyInALargeFileBreaksItAtItsRowWithoutBufferingTheRest()
    {
        var body = new GeneratedCsvStream(300_000, i => Encoding.ASCII.GetBytes(i == 10 ? "mobile,\"1010,1\r\n" : $"mobile,{i},1\r\n"));
        using var reader = Open(body);
        var seen = 0;

        var error = Assert.Throws<CsvFileException>(() =>
        {
            foreach (var _ in reader.Rows())
            {
                seen++;
            }
        });

        Assert.Equal(12, error.RowNumber);
        Assert.Equal(10, seen);
        Assert.True(body.BytesProduced < 2_000_000, $"{body.BytesProduced} bytes read");
    }

    [Fact]
    public void AFieldOverTheLimitBreaksTheFileAtItsRow()
    {
        var text = "identifierType,identifier\r\nmobile,1001\r\nmobile," + new string('7', 101) + "\r\nmobile,1003\r\n";
        using var reader = Open(Text(text), new CsvLimits(MaxFieldLength: 100));
        var seen = 0;

        var error = Assert.Throws<CsvFileException>(() =>
        {
            foreach (var _ in reader.Rows())
            {
                seen++;
            }
        });

        Assert.Equal(1, seen);
        Assert.Equal(3, error.RowNumber);
        Assert.Equal("Row 3: field 2 is 101 characters long; the limit is 100.", error.Message);
    }

    [Fact]
    public void AFieldAtTheLimitIsRead()
    {
        var text = "identifierType,identifier\r\nmobile," + new string('7', 100) + "\r\n";
        using var reader = Open(Text(text), new CsvLimits(MaxFieldLength: 100));

        Assert.Equal(100, Assert.Single(reader.Rows())["identifier"]!.Length);
    }

    [Fact]
    public void ASeekableFileOverTheSizeLimitIsRefusedBeforeReading()
    {
        var stream = Text("identifierType,identifier\r\nmobile,1001\r\n");

        var error = Refusal(stream, new CsvLimits(MaxFileBytes: 20));

        Assert.Contains("the limit is", error.Message);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void AForwardOnlyStreamOverTheSizeLimitBreaksWhenItPassesTheLimit()
    {
        var body = new GeneratedCsvStream(100_000);
        using var reader = Open(body, new CsvLimits(MaxFileBytes: 1024 * 1024));
        var seen = 0;

        var error = Assert.Throws<CsvFileException>(() =>
        {
            foreach (var _ in reader.Rows())
            {
                seen++;
            }
        });

        Assert.Contains("larger than the limit of 1 MB", error.Message);
        Assert.InRange(seen, 1, 100_000 - 1);
        Assert.True(body.BytesProduced < 2 * 1024 * 1024, $"{body.BytesProduced} bytes read");
    }

    [Fact]
    public void ASmallForwardOnlyStreamOverTheSizeLimitIsRefusedAtOpen()
    {
        var body = new ForwardOnlyStream(Text("identifierType,identifier\r\nmobile,1001\r\n"));

        Assert.Contains("larger than the limit", Refusal(body, new CsvLimits(MaxFileBytes: 10)).Message);
    }

    [Fact]
    public void DisposingTheReaderDisposesTheStreamButARefusedStreamStaysOpen()
    {
        var accepted = Text("identifierType,identifier\r\nmobile,1\r\n");
        var refused = Text("name\r\nAnne\r\n");

        Open(accepted).Dispose();
        Refusal(refused);

        Assert.False(accepted.CanRead);
        Assert.True(refused.CanRead);
    }
}
