using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Core.Revocation;
using CouponAdmin.Tests.Offers;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Redemption;

/// <summary>Each rule of the redeeming chain, in the order of docs/architecture.md, with the code it refuses with; a refusal writes nothing.</summary>
public sealed class RedemptionRuleTests : IAsyncLifetime
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    private async Task<(long OfferId, string Code, long Holder)> IssuedAsync(Action<OfferDefinition> change)
    {
        var offer = await _bed.ActiveOfferAsync(change);
        var holder = await _bed.CustomerAsync();
        return (offer.Id, await _bed.IssuedCodeAsync(offer.Id, holder), holder);
    }

    /// <summary>Redeems, expects the refusal code and checks that nothing was written.</summary>
    private async Task RefusedAsync(long offerId, string expectedCode, Func<Task<Result<RedemptionOutcome>>> redeem)
    {
        var before = await _bed.StateAsync(offerId);

        var result = await redeem();

        Assert.False(result.IsSuccess, "The redemption was expected to be refused with " + expectedCode);
        Assert.Equal(expectedCode, result.Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        Assert.Equal(before, await _bed.StateAsync(offerId));
    }

    [Fact]
    public async Task AnUnknownCodeIsRefusedAsNotFound()
    {
        var (offerId, _, holder) = await IssuedAsync(_ => { });

        await RefusedAsync(offerId, ErrorCodes.CouponNotFound, () => _bed.RedeemAsync("NOSUCHCODE", holder));
    }

    [Fact]
    public async Task ACodeTypedInLowerCaseWithDashesAndSpacesIsStillFound()
    {
        var (offerId, code, holder) = await IssuedAsync(_ => { });
        var typed = $"{code[..4].ToLowerInvariant()}- {code[4..].ToLowerInvariant()} ";

        var redeemed = await _bed.RedeemedAsync(typed, holder);

        Assert.Equal(code, redeemed.Code);
        Assert.Single(await _bed.RedemptionsAsync(offerId));
    }

    [Fact]
    public async Task AMalformedCustomerIdentifierIsRefused()
    {
        var (offerId, code, _) = await IssuedAsync(_ => { });

        await RefusedAsync(offerId, ErrorCodes.InvalidCustomerIdentifier, () => _bed.Redeemer.ExecuteAsync(
            _bed.Request(code, 1) with { CustomerType = IdentifierType.Email, CustomerValue = "not-an-email" }, RedemptionTestBed.Actor));
    }

    [Fact]
    public async Task AnUnknownCustomerIsRefused()
    {
        var (offerId, code, _) = await IssuedAsync(_ => { });

        await RefusedAsync(offerId, ErrorCodes.CustomerNotFound, () => _bed.RedeemAsync(code, 999_999));
    }

    [Fact]
    public async Task RedeemingARevokedCouponIsRefused()
    {
        var (offerId, code, holder) = await IssuedAsync(_ => { });
        var revoked = await _bed.Revoker.ExecuteAsync(new RevokeRequest(offerId, RevokeMode.AllUnredeemed), RedemptionTestBed.Actor);
        Assert.Equal(1, revoked.Value);

        await RefusedAsync(offerId, ErrorCodes.CouponRevoked, () => _bed.RedeemAsync(code, holder));
    }

    [Fact]
    public async Task RedeemingAnExpiredCouponIsRefused()
    {
        var (offerId, code, holder) = await IssuedAsync(o => o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 0 });
        _bed.Clock.Advance(TimeSpan.FromDays(1));

        await RefusedAsync(offerId, ErrorCodes.CouponExpired, () => _bed.RedeemAsync(code, holder));
    }

    [Fact]
    public async Task ACouponIsStillRedeemableOnTheLastMinuteOfItsExpiryDay()
    {
        var (_, code, holder) = await IssuedAsync(o => o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 0 });
        _bed.Clock.SetUtcNow(new DateTimeOffset(2025, 11, 12, 23, 59, 0, Ist));

        await _bed.RedeemedAsync(code, holder);
    }

    [Fact]
    public async Task RedeemingACouponOfAPausedOfferIsRefused()
    {
        var (offerId, code, holder) = await IssuedAsync(_ => { });
        await _bed.ChangeStatusAsync(offerId, OfferStatus.Paused);

        await RefusedAsync(offerId, ErrorCodes.OfferNotActive, () => _bed.RedeemAsync(code, holder));
    }

    [Fact]
    public async Task RedeemingBeforeTheRedemptionStartIsRefusedAndAllowedAfterIt()
    {
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.StartsAt = TestOffers.Now.AddDays(1));

        await RefusedAsync(offerId, ErrorCodes.RedemptionNotStarted, () => _bed.RedeemAsync(code, holder));

        _bed.Clock.Advance(TimeSpan.FromDays(1));
        await _bed.RedeemedAsync(code, holder);
    }

    [Fact]
    public async Task RedeemingAnUploadedCodeStillInThePoolIsRefusedAsNotIssued()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Coupon.Generation.Method = GenerationMethod.Uploaded);
        await _bed.AddUnissuedCodesAsync(offer.Id, "POOLCODE1");
        var customer = await _bed.CustomerAsync();

        await RefusedAsync(offer.Id, ErrorCodes.CouponNotIssued, () => _bed.RedeemAsync("POOLCODE1", customer));
    }

    [Fact]
    public async Task RedeemingAnotherCustomersCouponIsRefused()
    {
        var (offerId, code, _) = await IssuedAsync(_ => { });
        var other = await _bed.CustomerAsync();

        await RefusedAsync(offerId, ErrorCodes.CouponNotIssuedToCustomer, () => _bed.RedeemAsync(code, other));
    }

    [Fact]
    public async Task AnotherCustomerMayRedeemWhenAnyoneCanRedeem()
    {
        var (offerId, code, _) = await IssuedAsync(o => o.Redemption.AnyoneCanRedeem = true);
        var other = await _bed.CustomerAsync();

        await _bed.RedeemedAsync(code, other);

        Assert.Equal(other, Assert.Single(await _bed.RedemptionsAsync(offerId)).CustomerId);
    }

    [Fact]
    public async Task RedeemingAtAStoreOutsideTheOffersStoresIsRefused()
    {
        await _bed.AddOrgAsync();
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.OrgEntities = [new(OrgEntityType.Store, "S1")]);

        await RefusedAsync(offerId, ErrorCodes.StoreNotAllowed, () => _bed.RedeemAsync(code, holder, storeId: "S3"));
    }

    [Fact]
    public async Task RedeemingWithNoStoreIsRefusedWhenTheOfferIsLimitedToStores()
    {
        await _bed.AddOrgAsync();
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.OrgEntities = [new(OrgEntityType.Store, "S1")]);

        await RefusedAsync(offerId, ErrorCodes.StoreNotAllowed, () => _bed.RedeemAsync(code, holder));
    }

    [Fact]
    public async Task ATillCountsAsItsStore()
    {
        await _bed.AddOrgAsync();
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.OrgEntities = [new(OrgEntityType.Store, "S1")]);

        await _bed.RedeemedAsync(code, holder, tillId: "T1");

        var redemption = Assert.Single(await _bed.RedemptionsAsync(offerId));
        Assert.Equal(("S1", "T1"), (redemption.StoreId, redemption.TillId));
    }

    [Fact]
    public async Task AStoreCountsAsPartOfItsZone()
    {
        await _bed.AddOrgAsync();
        var (_, code, holder) = await IssuedAsync(o => o.Redemption.OrgEntities = [new(OrgEntityType.Zone, "Z1")]);

        await _bed.RedeemedAsync(code, holder, storeId: "S2");
    }

    [Fact]
    public async Task AStoreOfAnotherZoneIsRefusedWhenAZoneIsTagged()
    {
        await _bed.AddOrgAsync();
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.OrgEntities = [new(OrgEntityType.Zone, "Z1")]);

        await RefusedAsync(offerId, ErrorCodes.StoreNotAllowed, () => _bed.RedeemAsync(code, holder, storeId: "S3"));
    }

    [Fact]
    public async Task AStoreCountsAsPartOfItsConcept()
    {
        await _bed.AddOrgAsync();
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.OrgEntities = [new(OrgEntityType.Concept, "C1")]);

        await RefusedAsync(offerId, ErrorCodes.StoreNotAllowed, () => _bed.RedeemAsync(code, holder, storeId: "S2"));
        await _bed.RedeemedAsync(code, holder, storeId: "S1");
    }

    [Fact]
    public async Task ATaggedStoreDoesNotAllowTheOtherStoresOfItsZone()
    {
        await _bed.AddOrgAsync();
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.OrgEntities = [new(OrgEntityType.Store, "S1")]);

        await RefusedAsync(offerId, ErrorCodes.StoreNotAllowed, () => _bed.RedeemAsync(code, holder, storeId: "S2"));
    }

    [Fact]
    public async Task ABillBelowTheMinimumIsRefusedAndTheMinimumItselfIsAllowed()
    {
        var (offerId, code, holder) = await IssuedAsync(o =>
        {
            o.Redemption.MinBill = 500m;
            o.Redemption.MaxBill = 2000m;
        });

        await RefusedAsync(offerId, ErrorCodes.BillAmountTooLow, () => _bed.RedeemAsync(code, holder, bill: 499.99m));
        await _bed.RedeemedAsync(code, holder, bill: 500m);
    }

    [Fact]
    public async Task ABillAboveTheMaximumIsRefusedAndTheMaximumItselfIsAllowed()
    {
        var (offerId, code, holder) = await IssuedAsync(o =>
        {
            o.Redemption.MinBill = 500m;
            o.Redemption.MaxBill = 2000m;
        });

        await RefusedAsync(offerId, ErrorCodes.BillAmountTooHigh, () => _bed.RedeemAsync(code, holder, bill: 2000.01m));
        await _bed.RedeemedAsync(code, holder, bill: 2000m);
    }

    // 13 Nov 2025 01:00 in Kolkata is still 12 Nov 19:30 in UTC: Thursday the 13th locally, Wednesday the 12th in UTC.
    private static readonly DateTimeOffset EarlyThursdayInKolkata = new(2025, 11, 13, 1, 0, 0, Ist);

    [Fact]
    public async Task TheDayOfTheWeekIsTakenInTheOrgsTimeZone()
    {
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.DaysOfWeek = [DayOfWeek.Wednesday]);

        await RefusedAsync(offerId, ErrorCodes.OutsideRedemptionWindow, () => _bed.RedeemAsync(code, holder, at: EarlyThursdayInKolkata));
    }

    [Fact]
    public async Task ARedemptionOnAnAllowedLocalDayOfTheWeekIsAccepted()
    {
        var (_, code, holder) = await IssuedAsync(o => o.Redemption.DaysOfWeek = [DayOfWeek.Thursday]);

        await _bed.RedeemedAsync(code, holder, at: EarlyThursdayInKolkata);
    }

    [Fact]
    public async Task TheDayOfTheMonthIsTakenInTheOrgsTimeZone()
    {
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.DaysOfMonth = [12]);

        await RefusedAsync(offerId, ErrorCodes.OutsideRedemptionWindow, () => _bed.RedeemAsync(code, holder, at: EarlyThursdayInKolkata));
    }

    [Fact]
    public async Task ARedemptionOnAnAllowedLocalDayOfTheMonthIsAccepted()
    {
        var (_, code, holder) = await IssuedAsync(o => o.Redemption.DaysOfMonth = [13]);

        await _bed.RedeemedAsync(code, holder, at: EarlyThursdayInKolkata);
    }

    [Fact]
    public async Task TheHourOfTheDayIsTakenInTheOrgsTimeZone()
    {
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.Hours = [19]);

        await RefusedAsync(offerId, ErrorCodes.OutsideRedemptionWindow, () => _bed.RedeemAsync(code, holder, at: EarlyThursdayInKolkata));
        await _bed.RedeemedAsync(code, holder, at: EarlyThursdayInKolkata.AddHours(18));
    }

    [Fact]
    public async Task ACustomerRegisteredBeforeTheNewCustomerRangeIsRefused()
    {
        var (offerId, code, _) = await IssuedAsync(o =>
        {
            o.Redemption.AnyoneCanRedeem = true;
            o.Redemption.NewCustomers = new NewCustomerRule { RegisteredFrom = new DateOnly(2025, 10, 1), MaxTransactions = 3 };
        });
        var old = await _bed.CustomerAsync(new DateOnly(2025, 9, 30), transactions: 0);
        var newcomer = await _bed.CustomerAsync(new DateOnly(2025, 10, 1), transactions: 3);

        await RefusedAsync(offerId, ErrorCodes.NotANewCustomer, () => _bed.RedeemAsync(code, old));
        await _bed.RedeemedAsync(code, newcomer);
    }

    [Fact]
    public async Task ACustomerWithMoreTransactionsThanTheMaximumIsRefused()
    {
        var (offerId, code, _) = await IssuedAsync(o =>
        {
            o.Redemption.AnyoneCanRedeem = true;
            o.Redemption.NewCustomers = new NewCustomerRule { RegisteredFrom = new DateOnly(2025, 10, 1), MaxTransactions = 3 };
        });
        var regular = await _bed.CustomerAsync(new DateOnly(2025, 10, 5), transactions: 4);

        await RefusedAsync(offerId, ErrorCodes.NotANewCustomer, () => _bed.RedeemAsync(code, regular));
    }

    [Fact]
    public async Task ASecondRedemptionWithinTheMinimumGapIsRefusedAndTheNextDayAllowed()
    {
        var (offerId, code, holder) = await IssuedAsync(o =>
        {
            o.Redemption.CustomerLimit = 3;
            o.Redemption.MinGapDays = 1;
        });
        await _bed.RedeemedAsync(code, holder);

        _bed.Clock.Advance(TimeSpan.FromHours(3));
        await RefusedAsync(offerId, ErrorCodes.RedemptionGapNotMet, () => _bed.RedeemAsync(code, holder));

        _bed.Clock.Advance(TimeSpan.FromHours(21));
        await _bed.RedeemedAsync(code, holder);
        Assert.Equal(2, (await _bed.RedemptionsAsync(offerId)).Count);
    }

    [Fact]
    public async Task TheCodeLimitCountsEveryCustomerOnTheCode()
    {
        var (offerId, code, holder) = await IssuedAsync(o =>
        {
            o.Redemption.AnyoneCanRedeem = true;
            o.Redemption.CodeLimit = 2;
            o.Redemption.CustomerLimit = null;
        });
        var others = await _bed.CustomersAsync(2);
        await _bed.RedeemedAsync(code, holder);
        await _bed.RedeemedAsync(code, others[0]);

        await RefusedAsync(offerId, ErrorCodes.CodeRedemptionLimitReached, () => _bed.RedeemAsync(code, others[1]));
        Assert.Equal(2, (await _bed.CouponAsync(offerId, code)).RedemptionCount);
    }

    [Fact]
    public async Task TheCustomerLimitStopsTheThirdRedemptionOfTwo()
    {
        var (offerId, code, holder) = await IssuedAsync(o => o.Redemption.CustomerLimit = 2);
        await _bed.RedeemedAsync(code, holder);
        await _bed.RedeemedAsync(code, holder);

        await RefusedAsync(offerId, ErrorCodes.CustomerRedemptionLimitReached, () => _bed.RedeemAsync(code, holder));
    }

    [Fact]
    public async Task TheSeriesLimitCountsEveryCouponOfTheOffer()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Redemption.SeriesLimit = 2);
        var customers = await _bed.CustomersAsync(3);
        var codes = new List<string>();
        foreach (var customer in customers)
        {
            codes.Add(await _bed.IssuedCodeAsync(offer.Id, customer));
        }

        await _bed.RedeemedAsync(codes[0], customers[0]);
        await _bed.RedeemedAsync(codes[1], customers[1]);

        await RefusedAsync(offer.Id, ErrorCodes.SeriesRedemptionLimitReached, () => _bed.RedeemAsync(codes[2], customers[2]));
        Assert.Equal(CouponStatus.Issued, (await _bed.CouponAsync(offer.Id, codes[2])).Status);
    }

    [Fact]
    public async Task ARuleEarlierInTheChainAnswersFirst()
    {
        // A paused offer, another customer and a store outside the list at once: the offer's state is checked first.
        await _bed.AddOrgAsync();
        var (offerId, code, _) = await IssuedAsync(o => o.Redemption.OrgEntities = [new(OrgEntityType.Store, "S1")]);
        var other = await _bed.CustomerAsync();
        await _bed.ChangeStatusAsync(offerId, OfferStatus.Paused);

        await RefusedAsync(offerId, ErrorCodes.OfferNotActive, () => _bed.RedeemAsync(code, other, bill: 1m, storeId: "S3"));
    }

    [Fact]
    public async Task ASuccessfulRedemptionRecordsTheRedemptionAndMarksTheCouponRedeemed()
    {
        await _bed.AddOrgAsync();
        var (offerId, code, holder) = await IssuedAsync(_ => { });

        var redeemed = await _bed.RedeemedAsync(code, holder, bill: 1200m, storeId: "S1");

        var row = Assert.Single(await _bed.RedemptionsAsync(offerId));
        Assert.Equal((redeemed.RedemptionId, holder, "S1", 1200m, 120m, "INR", true), (row.Id, row.CustomerId, row.StoreId, row.BillAmount, row.DiscountAmount, row.Currency, row.Active));
        var coupon = await _bed.CouponAsync(offerId, code);
        Assert.Equal((CouponStatus.Redeemed, 1), (coupon.Status, coupon.RedemptionCount));
    }

    [Fact]
    public async Task AnyoneRedeemingACommonCodeIsNotRefusedBecauseTheFirstHoldersCouponExpired()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Coupon = TestOffers.OfSeriesType("Common Coupon Codes").Coupon;
            o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 0 };
            o.Redemption.AnyoneCanRedeem = true;
        });
        var customers = await _bed.CustomersAsync(3);
        var code = await _bed.IssuedCodeAsync(offer.Id, customers[0]);
        _bed.Clock.Advance(TimeSpan.FromDays(2));
        await _bed.IssuedCodeAsync(offer.Id, customers[1]);

        // The first holder's row has expired, the second holder's is valid today: the code itself is still live.
        await _bed.RedeemedAsync(code, customers[2]);
    }

    [Fact]
    public async Task AnyoneRedeemingACommonCodeIsNotRefusedBecauseTheFirstHoldersCouponWasRevoked()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Coupon = TestOffers.OfSeriesType("Common Coupon Codes").Coupon;
            o.Redemption.AnyoneCanRedeem = true;
        });
        var customers = await _bed.CustomersAsync(3);
        var code = await _bed.IssuedCodeAsync(offer.Id, customers[0]);
        await _bed.IssuedCodeAsync(offer.Id, customers[1]);
        var revoked = await _bed.Revoker.ExecuteAsync(new RevokeRequest(offer.Id, RevokeMode.Customers,
            [new CustomerRef(IdentifierType.UserId, customers[0].ToString(System.Globalization.CultureInfo.InvariantCulture))]), RedemptionTestBed.Actor);
        Assert.Equal(1, revoked.Value);

        await _bed.RedeemedAsync(code, customers[2]);
    }

    [Fact]
    public async Task TheHolderOfACommonCodeIsFoundAmongMoreThanAThousandHolders()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Coupon = TestOffers.OfSeriesType("Common Coupon Codes").Coupon);
        var first = await _bed.CustomerAsync();
        var code = await _bed.IssuedCodeAsync(offer.Id, first);
        // A thousand more holders, written as issuing them one by one would leave them.
        var last = await _bed.QueryAsync(async db =>
        {
            var template = await db.Coupons.AsNoTracking().SingleAsync(c => c.OfferId == offer.Id);
            var userId = 0L;
            for (var i = 1; i <= 1000; i++)
            {
                userId = 900_000 + i;
                db.Customers.Add(new Customer { UserId = userId, Email = $"holder{i}@crowd.example" });
                db.Coupons.Add(new Coupon
                {
                    OfferId = offer.Id, Code = template.Code, IsShared = template.IsShared, CustomerId = userId, Status = CouponStatus.Issued,
                    IssuedAt = template.IssuedAt, ExpiresAt = template.ExpiresAt, LastStatusChangeAt = template.LastStatusChangeAt,
                });
            }

            await db.SaveChangesAsync();
            return userId;
        });

        var redeemed = await _bed.RedeemedAsync(code, last);

        Assert.Equal(last, redeemed.CustomerId);
        Assert.Equal(last, (await _bed.CouponsAsync(offer.Id)).Single(c => c.RedemptionCount == 1).CustomerId);
    }
}
