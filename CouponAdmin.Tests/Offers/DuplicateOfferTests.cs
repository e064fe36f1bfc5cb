using System.Text.Json;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Tests.Issuance;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Offers;

/// <summary>Duplicating an offer: a new draft with the same settings, its own codes, and an audit trail.</summary>
public sealed class DuplicateOfferTests : IAsyncLifetime
{
    private const string Actor = "user:marketer@shop.example";
    private readonly IssuanceTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    private DuplicateOffer Duplicator => new(_bed.Database, new CreateOffer(_bed.Database, _bed.Clock), _bed.Clock);

    private async Task<Offer> DuplicatedAsync(long offerId)
    {
        var copy = await Duplicator.ExecuteAsync(offerId, Actor);
        Assert.True(copy.IsSuccess, copy.Error?.Message);
        return copy.Value!;
    }

    private static string Json(OfferDefinition definition) => JsonSerializer.Serialize(definition, CouponJson.Options);

    private static OfferDefinition WithoutName(OfferDefinition definition)
    {
        var copy = Offer.Clone(definition);
        copy.Name = "";
        return copy;
    }

    [Fact]
    public async Task TheCopyIsANewDraftWithTheOriginalsSettingsUnderACopyName()
    {
        var original = await _bed.ActiveOfferAsync(o =>
        {
            o.Name = "Diwali 10% off";
            o.ValidFrom = TestOffers.Now;
            o.ValidUntil = TestOffers.Now.AddDays(30);
            o.Issual.MaxPerCustomer = 3;
            o.Redemption.MinBill = 500m;
            o.Redemption.DaysOfWeek = [DayOfWeek.Friday, DayOfWeek.Saturday];
            o.Redemption.OrgEntities = [new OrgEntityRef(OrgEntityType.Zone, "Z1")];
        });

        var copy = await DuplicatedAsync(original.Id);

        Assert.NotEqual(original.Id, copy.Id);
        Assert.Equal(OfferStatus.Active, original.Status);
        Assert.Equal(OfferStatus.Draft, copy.Status);
        Assert.Equal("Copy of Diwali 10% off", copy.Name);
        Assert.Equal("Copy of Diwali 10% off", copy.Definition.Name);
        Assert.Equal(Json(WithoutName(original.Definition)), Json(WithoutName(copy.Definition)));
        Assert.Equal([(OrgEntityType.Zone, "Z1")], copy.OrgEntities.Select(e => (e.EntityType, e.EntityId)));
    }

    [Fact]
    public async Task TheOriginalIsLeftUnchanged()
    {
        var original = await _bed.DraftOfferAsync(o => o.Name = "Untouched");

        await DuplicatedAsync(original.Id);

        var stored = await _bed.QueryAsync(db => db.Offers.AsNoTracking().SingleAsync(o => o.Id == original.Id));
        Assert.Equal("Untouched", stored.Name);
        Assert.Equal(Json(original.Definition), Json(stored.Definition));
    }

    [Fact]
    public async Task ARandomizedCommonCopyGetsItsOwnFixedPart()
    {
        var original = await _bed.ActiveOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.RandomizedCommon;
            o.Coupon.Generation.SampleCode = "TEST12345";
        });

        var copy = await DuplicatedAsync(original.Id);

        Assert.Equal("R:TEST", original.ReservedCode);
        Assert.NotNull(copy.ReservedCode);
        Assert.NotEqual(original.ReservedCode, copy.ReservedCode);
        var sample = copy.Definition.Coupon.Generation.SampleCode!;
        Assert.Equal("R:" + sample[..4], copy.ReservedCode);
        Assert.Equal("12345", sample[4..]);
        Assert.NotEqual(original.CodeSpaceId, copy.CodeSpaceId);
    }

    [Fact]
    public async Task ACommonCodeCopyGetsTheFirstFreeNumberedVariantOfTheCode()
    {
        var original = await _bed.ActiveOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.Common;
            o.Coupon.Generation.CommonCode = "HOLIDAY20";
            o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 5 };
            o.Redemption.CustomerLimit = 1;
        });

        var first = await DuplicatedAsync(original.Id);
        var second = await DuplicatedAsync(original.Id);

        Assert.Equal("HOLIDAY202", first.Definition.Coupon.Generation.CommonCode);
        Assert.Equal("C:HOLIDAY202", first.ReservedCode);
        Assert.Equal("HOLIDAY203", second.Definition.Coupon.Generation.CommonCode);
    }

    [Fact]
    public async Task ALongNameIsCutToTheNameLimit()
    {
        var longName = new string('x', OfferDefinition.MaxNameLength);
        var original = await _bed.DraftOfferAsync(o => o.Name = longName);

        var copy = await DuplicatedAsync(original.Id);

        Assert.Equal(OfferDefinition.MaxNameLength, copy.Name.Length);
        Assert.StartsWith("Copy of xxx", copy.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCopyIsAuditedAsCreatedAndAsDuplicatedFromTheOriginal()
    {
        var original = await _bed.DraftOfferAsync(o => o.Name = "Audited");

        var copy = await DuplicatedAsync(original.Id);

        var entries = await _bed.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Offer) && e.EntityId == copy.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["offer.created", "offer.duplicated"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(Actor, e.Actor));
        Assert.Contains("Copy of Audited", entries[0].After, StringComparison.Ordinal);
        Assert.Contains($"\"sourceOfferId\":{original.Id}", entries[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicatingAnUnknownOfferIsNotFoundAndCreatesNothing()
    {
        var result = await Duplicator.ExecuteAsync(424242, Actor);

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorCodes.OfferNotFound, result.Error!.Code);
        Assert.Equal(0, await _bed.QueryAsync(db => db.Offers.CountAsync()));
    }
}
