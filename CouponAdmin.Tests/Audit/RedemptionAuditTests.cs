using CouponAdmin.Core.Audit;
using CouponAdmin.Tests.Redemption;
using CouponAdmin.Tests.Uploads;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Audit;

/// <summary>A redemption is its own audit record: no audit entry is written for it, and the audit log still shows it, with who made it.</summary>
public sealed class RedemptionAuditTests : IAsyncLifetime
{
    private const string PosKey = "api-key:Till 7 (key_0a1b2c3d)";
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task ARedemptionIsShownWithTheKeyThatMadeItAndWhatItRecorded()
    {
        var (offerId, code) = await RedeemedCodeAsync();
        var audit = new AuditQueries(_bed.Database);

        var page = await audit.PageAsync(new AuditFilter(Action: "coupon.redeemed"), 0, 10);

        var row = Assert.Single(page.Items);
        Assert.Equal(1, page.Total);
        Assert.Equal((PosKey, "Coupon", code), (row.Actor, row.EntityType, row.EntityId));
        Assert.Equal(_bed.Clock.GetUtcNow(), row.At);
        Assert.Contains(row.Changes, c => c is { Path: "transactionId", After: "TX-AUDIT" });
        Assert.Contains(row.Changes, c => c is { Path: "offerId" } && c.After == $"{offerId}");
        Assert.Equal(1000m, decimal.Parse(row.Changes.Single(c => c.Path == "billAmount").After!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, await _bed.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "coupon.redeemed")));
    }

    [Fact]
    public async Task RedemptionsAndEntriesAreFilteredTogetherAndListedNewestFirst()
    {
        var (_, code) = await RedeemedCodeAsync();
        _bed.Clock.Advance(TimeSpan.FromMinutes(1));
        await _bed.EntityAsync(new(Core.Org.OrgEntityType.Zone, "Z-LATER", "Later"));
        var audit = new AuditQueries(_bed.Database);

        var everything = await audit.PageAsync(new AuditFilter(), 0, 100);
        var byCode = await audit.PageAsync(new AuditFilter(EntityId: code), 0, 100);
        var byKey = await audit.PageAsync(new AuditFilter(Actor: "Till 7"), 0, 100);
        var offers = await audit.PageAsync(new AuditFilter(EntityType: "Offer"), 0, 100);

        Assert.Equal("org.entity.added", everything.Items[0].Action);
        Assert.Equal("coupon.redeemed", everything.Items[1].Action);
        Assert.Equal(everything.Total, everything.Items.Count);
        Assert.Equal(["coupon.issued", "coupon.redeemed"], byCode.Items.Select(r => r.Action).Order());
        Assert.Equal(["coupon.redeemed"], byKey.Items.Select(r => r.Action));
        Assert.DoesNotContain(offers.Items, r => r.Action == "coupon.redeemed");
        Assert.Contains("coupon.redeemed", (await audit.VocabularyAsync()).Actions);
    }

    [Fact]
    public async Task TheExportListsRedemptions()
    {
        var (_, code) = await RedeemedCodeAsync();
        var csv = new StringWriter();

        await new AuditQueries(_bed.Database).WriteCsvAsync(new AuditFilter(Action: "coupon.redeemed"), csv);

        var records = UploadsHttp.ParseCsv(csv.ToString());
        Assert.Contains(records, r => r[3] == "coupon.redeemed" && r[5] == code && r[6] == "transactionId" && r[8] == "TX-AUDIT");
    }

    private async Task<(long OfferId, string Code)> RedeemedCodeAsync()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 1);
        var holder = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, holder);
        _bed.Clock.Advance(TimeSpan.FromSeconds(1));
        var redeemed = await _bed.Redeemer.ExecuteAsync(_bed.Request(code, holder, transactionId: "TX-AUDIT"), PosKey);
        Assert.True(redeemed.IsSuccess, redeemed.Error?.Message);
        return (offer.Id, code);
    }
}
