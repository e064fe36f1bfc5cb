using System.Text.Json;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;

namespace CouponAdmin.Tests.Offers;

public class OfferLifecycleTests
{
    private static readonly DateTimeOffset Later = TestOffers.Now.AddHours(2);

    private static OfferDefinition RandomizedCommon(string sample) => TestOffers.Valid(o =>
    {
        o.Coupon.Generation.Method = GenerationMethod.RandomizedCommon;
        o.Coupon.Generation.SampleCode = sample;
    });

    private static (OrgEntityType, string)[] Tags(Offer offer) =>
        [.. offer.OrgEntities.Select(e => (e.EntityType, e.EntityId)).Order()];

    [Fact]
    public void ACreatedOfferIsADraftWithTheDefinitionsColumns()
    {
        var definition = TestOffers.Valid(o =>
        {
            o.Name = "  Diwali 10% off  ";
            o.ValidFrom = TestOffers.Now;
            o.ValidUntil = TestOffers.Now.AddDays(30);
        });

        var offer = Offer.Create(definition, TestOffers.Now);

        Assert.Equal(OfferStatus.Draft, offer.Status);
        Assert.Equal("Diwali 10% off", offer.Name);
        Assert.Equal(GenerationMethod.AutoUnique, offer.GenerationMethod);
        Assert.Equal(IssuedBy.CouponAdmin, offer.IssuedBy);
        Assert.Equal(TestOffers.Now, offer.ValidFrom);
        Assert.Equal(TestOffers.Now.AddDays(30), offer.ValidUntil);
        Assert.Equal(TestOffers.Now, offer.CreatedAt);
    }

    [Fact]
    public void ADraftCanBeActivated()
    {
        var offer = Offer.Create(TestOffers.Valid(), TestOffers.Now);

        var error = offer.Activate(Later);

        Assert.Null(error);
        Assert.Equal(OfferStatus.Active, offer.Status);
        Assert.Equal(Later, offer.UpdatedAt);
    }

    [Fact]
    public void APausedOfferCanBeActivatedAgain()
    {
        var offer = Offer.Create(TestOffers.Valid(), TestOffers.Now);
        Assert.Null(offer.Activate(TestOffers.Now));
        Assert.Null(offer.Pause(TestOffers.Now));
        Assert.Equal(OfferStatus.Paused, offer.Status);

        Assert.Null(offer.Activate(Later));

        Assert.Equal(OfferStatus.Active, offer.Status);
    }

    [Fact]
    public void AnEndedOfferCannotBeActivated()
    {
        var offer = Offer.Create(TestOffers.Valid(), TestOffers.Now);
        Assert.Null(offer.End(TestOffers.Now));

        var error = offer.Activate(Later);

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.InvalidStatusChange, error.Code);
        Assert.Equal(ErrorKind.Rule, error.Kind);
        Assert.Contains("ended", error.Message, StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Ended, offer.Status);
    }

    [Fact]
    public void ADraftCannotBePaused()
    {
        var offer = Offer.Create(TestOffers.Valid(), TestOffers.Now);

        var error = offer.Pause(Later);

        Assert.Equal(ErrorCodes.InvalidStatusChange, error?.Code);
        Assert.Equal(OfferStatus.Draft, offer.Status);
    }

    [Fact]
    public void TheRandomizedCommonSampleCannotChangeOnUpdate()
    {
        var offer = Offer.Create(RandomizedCommon("AB123"), TestOffers.Now);

        var errors = offer.Update(RandomizedCommon("XY987"), Later);

        var error = Assert.Single(errors);
        Assert.Equal("coupon.generation.sampleCode", error.Path);
        Assert.Contains("AB123", error.Message, StringComparison.Ordinal);
        Assert.Equal("AB123", offer.Definition.Coupon.Generation.SampleCode);
    }

    [Fact]
    public void AnUpdateKeepingTheRandomizedCommonSampleIsApplied()
    {
        var offer = Offer.Create(RandomizedCommon("AB123"), TestOffers.Now);
        var changed = RandomizedCommon("AB123");
        changed.Name = "Diwali 15% off";
        changed.Discount.Value = 15;

        var errors = offer.Update(changed, Later);

        Assert.Empty(errors);
        Assert.Equal("Diwali 15% off", offer.Name);
        Assert.Equal(15, offer.Definition.Discount.Value);
        Assert.Equal(Later, offer.UpdatedAt);
    }

    [Fact]
    public void TheGenerationMethodOfAnActiveOfferCannotChange()
    {
        var offer = Offer.Create(TestOffers.Valid(), TestOffers.Now);
        Assert.Null(offer.Activate(TestOffers.Now));

        var errors = offer.Update(TestOffers.OfSeriesType("Capillary-Uploaded"), Later);

        Assert.Equal("coupon.generation.method", Assert.Single(errors).Path);
        Assert.Equal(GenerationMethod.AutoUnique, offer.GenerationMethod);
    }

    [Fact]
    public void TheStoredDefinitionIsACopyOfTheCallers()
    {
        var definition = TestOffers.Valid(o => o.Redemption.Hours = [10, 11]);
        var offer = Offer.Create(definition, TestOffers.Now);

        definition.Name = "Changed afterwards";
        definition.Discount.Value = 50;
        definition.Coupon.Generation.Length = 12;
        definition.Redemption.Hours.Add(12);
        definition.Redemption.OrgEntities.Add(new OrgEntityRef(OrgEntityType.Store, "S9"));

        Assert.NotSame(definition, offer.Definition);
        Assert.Equal("Diwali 10% off", offer.Definition.Name);
        Assert.Equal(10, offer.Definition.Discount.Value);
        Assert.Equal(8, offer.Definition.Coupon.Generation.Length);
        Assert.Equal([10, 11], offer.Definition.Redemption.Hours);
        Assert.Empty(offer.Definition.Redemption.OrgEntities);
        Assert.Empty(offer.OrgEntities);
    }

    [Fact]
    public void TheDefinitionStoredOnUpdateIsACopyToo()
    {
        var offer = Offer.Create(TestOffers.Valid(), TestOffers.Now);
        var changed = TestOffers.Valid(o => o.Issual.Reminders = [new ReminderSettings { DaysBefore = 2, Text = "Two days left" }]);
        Assert.Empty(offer.Update(changed, Later));

        changed.Issual.Reminders[0].Text = "Changed afterwards";
        changed.Issual.Reminders.Add(new ReminderSettings { DaysBefore = 1, Text = "One day left" });

        var reminder = Assert.Single(offer.Definition.Issual.Reminders);
        Assert.Equal("Two days left", reminder.Text);
    }

    [Fact]
    public void TheCopyKeepsEverySetting()
    {
        var definition = TestOffers.Valid(o =>
        {
            o.ValidFrom = TestOffers.Now;
            o.ValidUntil = TestOffers.Now.AddDays(30);
            o.Discount = new DiscountSettings { Type = DiscountType.Fixed, Value = 99.95m, Currency = "INR", MaxAmount = 500 };
            o.Coupon.Generation.Prefix = "DIW";
            o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.MonthEndsFromIssual, Value = 1 };
            o.Issual.ResendSms = new ResendSmsSettings { Text = "Code {{coupon.code}}", AllowUnicode = true };
            o.Issual.Reminders = [new ReminderSettings { DaysBefore = 2, Channel = ReminderChannel.Email, At = new TimeOnly(18, 45), Text = "Soon" }];
            o.Redemption.DaysOfWeek = [DayOfWeek.Saturday, DayOfWeek.Sunday];
            o.Redemption.OrgEntities = [new OrgEntityRef(OrgEntityType.Zone, "Z1")];
            o.Redemption.NewCustomers = new NewCustomerRule { RegisteredFrom = new DateOnly(2025, 1, 1), MaxTransactions = 2 };
        });

        var offer = Offer.Create(definition, TestOffers.Now);

        Assert.Equal(JsonSerializer.Serialize(definition, CouponJson.Options), JsonSerializer.Serialize(offer.Definition, CouponJson.Options));
        Assert.Equal(new TimeOnly(18, 45), offer.Definition.Issual.Reminders[0].At);
        Assert.Equal(ReminderChannel.Email, offer.Definition.Issual.Reminders[0].Channel);
        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday], offer.Definition.Redemption.DaysOfWeek);
        Assert.Equal(new OrgEntityRef(OrgEntityType.Zone, "Z1"), Assert.Single(offer.Definition.Redemption.OrgEntities));
    }

    [Fact]
    public void OrgEntityTagsFollowTheDefinition()
    {
        var offer = Offer.Create(TestOffers.Valid(o => o.Redemption.OrgEntities =
        [
            new OrgEntityRef(OrgEntityType.Store, "S1"),
            new OrgEntityRef(OrgEntityType.Zone, "Z1"),
        ]), TestOffers.Now);

        Assert.Equal([(OrgEntityType.Zone, "Z1"), (OrgEntityType.Store, "S1")], Tags(offer));

        Assert.Empty(offer.Update(TestOffers.Valid(o => o.Redemption.OrgEntities =
        [
            new OrgEntityRef(OrgEntityType.Zone, "Z1"),
            new OrgEntityRef(OrgEntityType.Till, "T1"),
        ]), Later));

        Assert.Equal([(OrgEntityType.Zone, "Z1"), (OrgEntityType.Till, "T1")], Tags(offer));

        Assert.Empty(offer.Update(TestOffers.Valid(), Later));

        Assert.Empty(offer.OrgEntities);
    }

    [Fact]
    public void OrgEntityTagsAreTrimmedAndNotRepeated()
    {
        var offer = Offer.Create(TestOffers.Valid(o => o.Redemption.OrgEntities =
        [
            new OrgEntityRef(OrgEntityType.Store, " S1 "),
            new OrgEntityRef(OrgEntityType.Store, "S1"),
            new OrgEntityRef(OrgEntityType.Concept, "S1"),
        ]), TestOffers.Now);

        Assert.Equal([(OrgEntityType.Store, "S1"), (OrgEntityType.Concept, "S1")], Tags(offer));
    }

    [Fact]
    public void ATagKeptAcrossAnUpdateIsTheSameRow()
    {
        var offer = Offer.Create(TestOffers.Valid(o => o.Redemption.OrgEntities = [new OrgEntityRef(OrgEntityType.Store, "S1")]), TestOffers.Now);
        var kept = Assert.Single(offer.OrgEntities);

        Assert.Empty(offer.Update(TestOffers.Valid(o => o.Redemption.OrgEntities =
        [
            new OrgEntityRef(OrgEntityType.Store, "S1"),
            new OrgEntityRef(OrgEntityType.Store, "S2"),
        ]), Later));

        Assert.Contains(offer.OrgEntities, e => ReferenceEquals(e, kept));
        Assert.Equal(2, offer.OrgEntities.Count);
    }
}
