using static CouponAdmin.Tests.Uploads.Csv.CsvCorpus;

namespace CouponAdmin.Tests.Uploads.Csv;

public class CsvRowsTests
{
    [Fact]
    public void ASemicolonFileIsReadWithSemicolonsInQuotedFieldsKept()
    {
        using var reader = Open(File("semicolon.csv"));
        var rows = reader.Rows().ToList();

        Assert.Equal(';', reader.Delimiter);
        Assert.Equal([("mobile", "+447700900001", "2"), ("email", "a;b@example.com", "1")], rows.Select(Cells));
    }

    [Fact]
    public void CrlfLfAndCrOnlyLineEndsAllSplitRows()
    {
        Assert.Equal(["+447700900001", "zoë@example.com"], Rows("utf8-bom.csv").Select(row => row["identifier"]));
        Assert.Equal(["+447700900001", "zoë@example.com"], Rows("utf8-no-bom.csv").Select(row => row["identifier"]));
        Assert.Equal([("mobile", "+447700900001", "2"), ("email", "anne@example.com", "3")], Rows("cr-only.csv").Select(Cells));
    }

    [Fact]
    public void QuotedFieldsKeepNewlinesDelimitersAndEscapedQuotes()
    {
        var rows = Rows("quoted.csv");

        Assert.Equal(["line one\r\nline two", "a,b", "say \"hi\"", "x\ny"], rows.Select(row => row["identifier"]));
        Assert.Equal([2, 3, 4, 5], rows.Select(row => row.RowNumber));
        Assert.All(rows, row => Assert.Empty(row.Problems));
    }

    [Fact]
    public void BlankLinesAreSkippedButCountedInRowNumbersAsASpreadsheetShowsThem()
    {
        var rows = Rows("blank-lines.csv");

        Assert.Equal([("mobile", "1001", "1"), ("mobile", "1002", "2")], rows.Select(Cells));
        Assert.Equal([4, 7], rows.Select(row => row.RowNumber));
    }

    [Fact]
    public void TrailingDelimitersAndSurroundingWhitespaceAreIgnored()
    {
        var rows = Rows("trailing.csv");

        Assert.Equal([("mobile", "1001", "2"), ("mobile", "1002", null)], rows.Select(Cells));
        Assert.All(rows, row => Assert.Empty(row.Problems));
    }

    [Fact]
    public void RowsThatDoNotFitTheLayoutAreYieldedWithProblemsThatHoldNoRowData()
    {
        var rows = Rows("row-problems.csv");

        Assert.Equal(
            [
                ["row 2 has 4 fields; expected identifierType,identifier[,count]"],
                ["row 3 has 1 field; expected identifierType,identifier[,count]"],
                ["row 4: identifierType is empty"],
                [],
            ],
            rows.Select(row => row.Problems));
        Assert.Equal(("mobile", "1004", null), Cells(rows[3]));
    }

    [Fact]
    public void AMisplacedQuoteIsARowProblemNotABrokenFile()
    {
        var rows = Rows("misplaced-quote.csv");

        Assert.Equal(2, rows.Count);
        Assert.Contains("misplaced quote", Assert.Single(rows[0].Problems));
        Assert.Empty(rows[1].Problems);
    }

    [Fact]
    public void TwoHundredThousandRowsStreamWithoutTheFileBeingLoaded()
    {
        var body = new GeneratedCsvStream(200_000);
        using var reader = Open(body);
        long producedAtFirstRow = -1;
        var count = 0;
        var lastRowNumber = 0;

        foreach (var row in reader.Rows())
        {
            if (count++ == 0)
            {
                producedAtFirstRow = body.BytesProduced;
            }

            lastRowNumber = row.RowNumber;
        }

        Assert.Equal(200_000, count);
        Assert.Equal(200_001, lastRowNumber);
        Assert.True(body.BytesProduced > 4_000_000, $"{body.BytesProduced} bytes produced");
        Assert.True(producedAtFirstRow < 512 * 1024, $"{producedAtFirstRow} bytes read before the first row");
    }
}
