using CouponAdmin.Core.Uploads.Csv;
using static CouponAdmin.Tests.Uploads.Csv.CsvCorpus;

namespace CouponAdmin.Tests.Uploads.Csv;

public class CsvHeaderTests
{
    [Fact]
    public void HeaderNamesMatchIgnoringCaseAndSpacesInAnyOrderAndAnAbsentOptionalColumnReadsAsNull()
    {
        using var reader = Open(File("reordered-headers.csv"));
        var row = Assert.Single(reader.Rows());

        Assert.Equal(';', reader.Delimiter);
        Assert.Equal(("email", "anne@example.com", null), Cells(row));
        Assert.Empty(row.Problems);
    }

    [Fact]
    public void AWrongHeaderIsRefusedNamingTheExpectedColumnsAndWhatWasFound()
    {
        var error = Refusal(File("wrong-header.csv"));

        Assert.Contains("expected identifierType,identifier[,count]", error.Message);
        Assert.Contains("found name,phone", error.Message);
        Assert.DoesNotContain("Anne", error.Message);
    }

    [Fact]
    public void AMissingRequiredColumnIsRefusedNamingIt()
    {
        var error = Refusal(File("missing-required-column.csv"));

        Assert.Contains("missing identifier", error.Message);
        Assert.Contains("identifierType,identifier[,count]", error.Message);
    }

    [Fact]
    public void AnUnknownExtraColumnIsRefusedNamingIt()
    {
        var error = Refusal(File("extra-column.csv"));

        Assert.Contains("unknown notes", error.Message);
        Assert.Contains("expected identifierType,identifier[,count]", error.Message);
        Assert.DoesNotContain("hello", error.Message);
    }

    [Fact]
    public void ARepeatedColumnIsRefused()
    {
        Assert.Contains("repeated identifier", Refusal(Text("identifierType,identifier,IDENTIFIER\r\nmobile,1,2\r\n")).Message);
    }

    [Fact]
    public void AnEmptyFileIsRefused()
    {
        var error = Refusal(File("empty.csv"));

        Assert.StartsWith("The file is empty.", error.Message);
        Assert.Contains("identifierType,identifier[,count]", error.Message);
    }

    [Fact]
    public void AFileOfBlankLinesIsRefusedAsEmpty()
    {
        Assert.StartsWith("The file is empty.", Refusal(File("whitespace-only.csv")).Message);
    }

    [Fact]
    public void AHeaderOnlyFileOpensAndHasNoRows()
    {
        using var reader = Open(File("header-only.csv"));

        Assert.Empty(reader.Rows());
        Assert.Equal(',', reader.Delimiter);
    }

    [Fact]
    public void AnUnclosedQuoteInTheHeaderIsRefused()
    {
        Assert.Contains("never closed", Refusal(Text("identifierType,\"identifier,count\r\nmobile,1,1\r\n")).Message);
    }

    [Fact]
    public void DescribeBracketsOptionalColumns()
    {
        Assert.Equal("identifierType,identifier[,count]", CsvCorpus.Customers.Describe());
        Assert.Equal("code[,note],store", new CsvLayout("codes", [new("code"), new("note", false), new("store")]).Describe());
    }

    [Fact]
    public void AskingARowForAColumnOutsideTheLayoutIsABug()
    {
        var row = Rows("utf8-no-bom.csv")[0];

        Assert.Throws<ArgumentException>(() => row["notes"]);
        Assert.Equal("mobile", row["IDENTIFIERTYPE"]);
    }
}
