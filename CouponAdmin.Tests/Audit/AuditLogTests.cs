using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Offers;
using CouponAdmin.Tests.Issuance;
using CouponAdmin.Tests.Uploads;

namespace CouponAdmin.Tests.Audit;

/// <summary>The audit log as admins read it: the values an entry changed, filters applied in the query, a formula-safe export.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly IssuanceTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public void TheDifferenceNamesEachChangedValueByItsPath()
    {
        var changes = AuditDiff.Between(
            """{ "name": "Summer", "redemption": { "codeLimit": 5, "hours": [10, 11] }, "products": ["A"] }""",
            """{ "name": "Summer", "redemption": { "codeLimit": 7, "hours": [10] }, "products": ["A", "B"], "description": "new" }""");

        Assert.Equal(
            ["description: — → new", "products[1]: — → B", "redemption.codeLimit: 5 → 7", "redemption.hours[1]: 11 → —"],
            changes.Select(c => $"{c.Path}: {c.Before ?? "—"} → {c.After ?? "—"}"));
    }

    [Fact]
    public async Task AnOfferEditIsFoundByActionAndEntityAndShowsWhatChanged()
    {
        var offer = await _bed.DraftOfferAsync(o => o.Name = "Before");
        var updated = await new UpdateOffer(_bed.Database, _bed.Clock).ExecuteAsync(offer.Id, Offers.TestOffers.Valid(o => o.Name = "After"), "user:ann@shop.example");
        Assert.True(updated.IsSuccess, updated.Error?.Message);

        var page = await new AuditQueries(_bed.Database).PageAsync(new AuditFilter(Action: "offer.updated", EntityType: "Offer", EntityId: $"{offer.Id}"), 0, 10);

        var row = Assert.Single(page.Items);
        Assert.Equal("user:ann@shop.example", row.Actor);
        Assert.Contains(row.Changes, c => c is { Path: "name", Before: "Before", After: "After" });
        Assert.Equal(0, (await new AuditQueries(_bed.Database).PageAsync(new AuditFilter(Actor: "nobody"), 0, 10)).Total);
    }

    [Fact]
    public async Task TheExportEscapesCellsThatASpreadsheetWouldRun()
    {
        var offer = await _bed.DraftOfferAsync(o => o.Name = "=HYPERLINK(\"http://evil\")");
        var csv = new StringWriter();

        await new AuditQueries(_bed.Database).WriteCsvAsync(new AuditFilter(EntityId: $"{offer.Id}"), csv);

        var records = UploadsHttp.ParseCsv(csv.ToString());
        Assert.Equal(["id", "at", "actor", "action", "entityType", "entityId", "field", "before", "after"], records[0]);
        Assert.Contains(records, r => r[6] == "name" && r[8] == "'=HYPERLINK(\"http://evil\")");
    }
}
