using CouponAdmin.Core.Uploads.Csv;

namespace CouponAdmin.Tests.Uploads.Csv;

public class CsvOutTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+447700900001", "'+447700900001")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    public void CellsThatASpreadsheetWouldRunAsFormulasGetALeadingApostrophe(string value, string expected)
    {
        Assert.Equal(expected, CsvOut.Cell(value));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("a-b=c", "a-b=c")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void CellsAreQuotedOnlyWhenTheyHoldACommaQuoteOrLineBreak(string? value, string expected)
    {
        Assert.Equal(expected, CsvOut.Cell(value));
    }

    [Fact]
    public void ALineJoinsEscapedCellsWithCommasAndEndsWithCrlf()
    {
        Assert.Equal("7,'=1+1,\"a,b\",,INVALID_ROW\r\n", CsvOut.Line("7", "=1+1", "a,b", null, "INVALID_ROW"));
    }

    [Fact]
    public async Task WriteLineAsyncWritesTheSameLine()
    {
        using var writer = new StringWriter();

        await CsvOut.WriteLineAsync(writer, "row", "-1");
        await CsvOut.WriteLineAsync(writer, "2", "x");

        Assert.Equal("row,'-1\r\n2,x\r\n", writer.ToString());
    }

    [Fact]
    public void AWrittenLineReadsBackAsTheSameValues()
    {
        var line = CsvOut.Line("mobile", "a \"quoted\", multi\r\nline value", "3");
        var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("identifierType,identifier,count\r\n" + line));
        using var reader = CsvCorpus.Open(stream);

        Assert.Equal(("mobile", "a \"quoted\", multi\r\nline value", "3"), CsvCorpus.Cells(Assert.Single(reader.Rows())));
    }
}
