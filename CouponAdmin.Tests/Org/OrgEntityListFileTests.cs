using System.Text;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Org;

/// <summary>A CSV of <c>type,id</c> rows becomes the org entities it names, with a message per row that names none.</summary>
public sealed class OrgEntityListFileTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public OrgEntityListFileTests() =>
        new DemoData(_database, TimeProvider.System).SeedIfEmptyAsync().GetAwaiter().GetResult();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task KnownIdsOfEveryTypeAreFoundInFileOrder()
    {
        var list = await ReadAsync("type,id\nstore,S-CHN-01\nZONE,Z-NORTH\ntill,T-DEL-01-1\nconcept,C-EXPRESS\n");

        Assert.Equal(
            [new(OrgEntityType.Store, "S-CHN-01"), new(OrgEntityType.Zone, "Z-NORTH"), new(OrgEntityType.Till, "T-DEL-01-1"), new(OrgEntityType.Concept, "C-EXPRESS")],
            list.Found);
        Assert.Empty(list.Problems);
    }

    [Fact]
    public async Task AnUnknownIdAndAnUnknownTypeAreReportedWithTheirRows()
    {
        var list = await ReadAsync("type,id\nstore,S-CHN-01\nstore,S-99\nshop,S-DEL-01\nzone,S-DEL-01\n");

        Assert.Equal([new OrgEntityRef(OrgEntityType.Store, "S-CHN-01")], list.Found);
        Assert.Equal(
            ["row 3: no STORE with id 'S-99'",
             "row 4: 'shop' is not an entity type; use zone, concept, store or till",
             "row 5: no ZONE with id 'S-DEL-01'"],
            list.Problems);
    }

    [Fact]
    public async Task ARepeatedIdIsListedOnce()
    {
        var list = await ReadAsync("type,id\nstore,S-BLR-01\nstore,S-CHN-01\nSTORE,S-BLR-01\n");

        Assert.Equal([new(OrgEntityType.Store, "S-BLR-01"), new(OrgEntityType.Store, "S-CHN-01")], list.Found);
        Assert.Empty(list.Problems);
    }

    [Fact]
    public async Task ARowWithAnEmptyIdIsReported()
    {
        var list = await ReadAsync("type,id\nstore,\nstore,S-CHN-01\n");

        Assert.Equal([new OrgEntityRef(OrgEntityType.Store, "S-CHN-01")], list.Found);
        Assert.Equal(["row 2: id is empty"], list.Problems);
    }

    [Fact]
    public async Task AFileWithTheWrongHeaderIsRefused()
    {
        var result = await new OrgEntityListFile(_database).ReadAsync(Csv("storeId\nS-CHN-01\n"));

        Assert.Equal(ErrorCodes.InvalidFile, result.Error?.Code);
        Assert.Contains("type,id", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOverTheRowLimitIsRefused()
    {
        var csv = new StringBuilder("type,id\n");
        for (var i = 0; i <= OrgEntityListFile.MaxRows; i++)
        {
            csv.Append("store,S-CHN-01\n");
        }

        var result = await new OrgEntityListFile(_database).ReadAsync(Csv(csv.ToString()));

        Assert.Equal(ErrorCodes.InvalidFile, result.Error?.Code);
        Assert.Contains("more than 10,000", result.Error!.Message, StringComparison.Ordinal);
    }

    private async Task<OrgEntityList> ReadAsync(string csv)
    {
        var result = await new OrgEntityListFile(_database).ReadAsync(Csv(csv));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));
}
