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

    [Fact]
    public async Task AFileThatCanOnlyBeReadAsynchronouslyAsFromABrowserIsRead()
    {
        var result = await new OrgEntityListFile(_database).ReadAsync(new AsyncOnlyStream(Csv("type,id\nstore,S-CHN-01\n")));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal([new OrgEntityRef(OrgEntityType.Store, "S-CHN-01")], result.Value!.Found);
    }

    private async Task<OrgEntityList> ReadAsync(string csv)
    {
        var result = await new OrgEntityListFile(_database).ReadAsync(Csv(csv));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>Like a Blazor browser-file stream: no seeking, and synchronous reads refused.</summary>
    private sealed class AsyncOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Synchronous reads are not supported.");
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
