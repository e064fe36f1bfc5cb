using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Tests.Offers;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Issuance;

/// <summary>Each rule of the issuing chain, with the error code it refuses with and what it leaves behind.</summary>
public sealed class IssuanceRuleTests : IAsyncLifetime
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);
    private readonly IssuanceTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task AMalformedCustomerIdentifierIsRefused()
    {
        var offer = await _bed.ActiveOfferAsync(_ => { });

        var result = await _bed.Issuer.ExecuteAsync(new IssueCouponRequest(offer.Id, IdentifierType.Email, "not-an-email"), IssuanceTestBed.Actor);

        Assert.Equal(ErrorCodes.InvalidCustomerIdentifier, result.Error?.Code);
        Assert.Contains("not-an-email", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(await _bed.CouponsAsync(offer.Id));
    }

    [Fact]
    public async Task AnUnknownCustomerIsRefused()
    {
        var offer = await _bed.ActiveOfferAsync(_ => { });

        var result = await _bed.Issuer.ExecuteAsync(new IssueCouponRequest(offer.Id, IdentifierType.Email, "nobody@shop.example"), IssuanceTestBed.Actor);

        Assert.Equal(ErrorCodes.CustomerNotFound, result.Error?.Code);
        Assert.Contains("nobody@shop.example", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomerIsFoundByAnyIdentifier()
    {
        var offer = await _bed.ActiveOfferAsync(_ => { });
        var user = await _bed.CustomerAsync();
        var email = await _bed.QueryAsync(db => db.Customers.Where(c => c.UserId == user).Select(c => c.Email!).SingleAsync());

        var result = await _bed.Issuer.ExecuteAsync(new IssueCouponRequest(offer.Id, IdentifierType.Email, email.ToUpperInvariant()), IssuanceTestBed.Actor);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(user, result.Value!.CustomerId);
    }

    [Fact]
    public async Task AnUnknownOfferIsNotFound()
    {
        var user = await _bed.CustomerAsync();

        var result = await _bed.IssueAsync(987_654, user);

        Assert.Equal(ErrorCodes.OfferNotFound, result.Error?.Code);
        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
    }

    [Fact]
    public async Task ADraftOfferIssuesNothing()
    {
        var draft = await _bed.DraftOfferAsync(_ => { });
        var user = await _bed.CustomerAsync();

        var result = await _bed.IssueAsync(draft.Id, user);

        Assert.Equal(ErrorCodes.OfferNotActive, result.Error?.Code);
        Assert.Empty(await _bed.CouponsAsync(draft.Id));
    }

    [Fact]
    public async Task APausedOfferIssuesNothing()
    {
        var offer = await _bed.ActiveOfferAsync(_ => { });
        Assert.True((await new ChangeOfferStatus(_bed.Database, _bed.Clock).ExecuteAsync(offer.Id, OfferStatus.Paused, IssuanceTestBed.Actor)).IsSuccess);
        var user = await _bed.CustomerAsync();

        var result = await _bed.IssueAsync(offer.Id, user);

        Assert.Equal(ErrorCodes.OfferNotActive, result.Error?.Code);
    }

    [Fact]
    public async Task AnActiveOfferIssuesOnlyWithinItsValidity()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.ValidFrom = TestOffers.Now.AddDays(1);
            o.ValidUntil = TestOffers.Now.AddDays(10);
        });
        var user = await _bed.CustomerAsync();

        var beforeStart = await _bed.IssueAsync(offer.Id, user);
        _bed.Clock.Advance(TimeSpan.FromDays(2));
        var during = await _bed.IssueAsync(offer.Id, user);
        _bed.Clock.Advance(TimeSpan.FromDays(9));
        var afterEnd = await _bed.IssueAsync(offer.Id, user);

        Assert.Equal(ErrorCodes.OfferNotActive, beforeStart.Error?.Code);
        Assert.True(during.IsSuccess, during.Error?.Message);
        Assert.Equal(ErrorCodes.OfferNotActive, afterEnd.Error?.Code);
        Assert.Single(await _bed.CouponsAsync(offer.Id));
    }

    [Fact]
    public async Task AThirdPartyOfferCannotBeIssuedByCouponAdmin()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Coupon.IssuedBy = IssuedBy.ThirdParty;
            o.Coupon.Generation.Method = GenerationMethod.Uploaded;
        });
        await _bed.AddUnissuedCodesAsync(offer.Id, "THIRD0001");
        var user = await _bed.CustomerAsync();

        var withoutCode = await _bed.IssueAsync(offer.Id, user);
        var withCode = await _bed.IssueAsync(offer.Id, user, "THIRD0001");

        Assert.Equal(ErrorCodes.IssualNotAllowedForSeries, withoutCode.Error?.Code);
        Assert.Equal(ErrorCodes.IssualNotAllowedForSeries, withCode.Error?.Code);
        var pooled = Assert.Single(await _bed.CouponsAsync(offer.Id));
        Assert.Equal(CouponStatus.Unissued, pooled.Status);
        Assert.Null(pooled.CustomerId);
    }

    [Fact]
    public async Task ASpecificCustomersOfferIssuesOnlyToItsAudience()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Coupon.SpecificCustomersOnly = true);
        var user = await _bed.CustomerAsync();

        var outsider = await _bed.IssueAsync(offer.Id, user);
        await _bed.QueryAsync(db =>
        {
            db.AudienceMembers.Add(new AudienceMember { OfferId = offer.Id, CustomerId = user });
            return db.SaveChangesAsync();
        });
        var member = await _bed.IssueAsync(offer.Id, user);

        Assert.Equal(ErrorCodes.CustomerNotInAudience, outsider.Error?.Code);
        Assert.True(member.IsSuccess, member.Error?.Message);
        Assert.Equal(user, Assert.Single(await _bed.CouponsAsync(offer.Id)).CustomerId);
    }

    [Fact]
    public async Task ACouponOfARestrictingOfferInTheLastSixMonthsBlocksTheIssualUntilItIsOlder()
    {
        var offerA = await _bed.ActiveOfferAsync(o => o.Name = "Offer A");
        var offerB = await _bed.ActiveOfferAsync(o =>
        {
            o.Name = "Offer B";
            o.Issual.RestrictPastOfferIds = [offerA.Id];
        });
        var holder = await _bed.CustomerAsync();
        var other = await _bed.CustomerAsync();
        Assert.True((await _bed.IssueAsync(offerA.Id, holder)).IsSuccess);

        var restricted = await _bed.IssueAsync(offerB.Id, holder);
        var unrestricted = await _bed.IssueAsync(offerB.Id, other);
        _bed.Clock.Advance(TimeSpan.FromDays(5 * 30));
        var stillRestricted = await _bed.IssueAsync(offerB.Id, holder);
        _bed.Clock.SetUtcNow(TestOffers.Now.AddMonths(7));
        var allowed = await _bed.IssueAsync(offerB.Id, holder);

        Assert.Equal(ErrorCodes.RestrictedByPastIssual, restricted.Error?.Code);
        Assert.Contains(offerA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), restricted.Error!.Message, StringComparison.Ordinal);
        Assert.True(unrestricted.IsSuccess, unrestricted.Error?.Message);
        Assert.Equal(ErrorCodes.RestrictedByPastIssual, stillRestricted.Error?.Code);
        Assert.True(allowed.IsSuccess, allowed.Error?.Message);
    }

    [Fact]
    public async Task WithSendExistingARepeatMatchGetsTheCouponItAlreadyHolds()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Issual.MaxPerCustomer = 1;
            o.Issual.OnRepeatMatch = RepeatMatchAction.SendExisting;
        });
        var user = await _bed.CustomerAsync();

        var first = await _bed.IssueAsync(offer.Id, user);
        _bed.Clock.Advance(TimeSpan.FromHours(3));
        var repeat = await _bed.IssueAsync(offer.Id, user);

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.False(first.Value!.Existing);
        Assert.True(repeat.IsSuccess, repeat.Error?.Message);
        Assert.True(repeat.Value!.Existing);
        Assert.Equal(first.Value.Code, repeat.Value.Code);
        Assert.Equal(first.Value.IssuedAt, repeat.Value.IssuedAt);
        Assert.Equal(first.Value.ExpiresAt, repeat.Value.ExpiresAt);
        Assert.Single(await _bed.CouponsAsync(offer.Id));
        Assert.Equal(1, await _bed.IssuedCountAsync(offer.Id));
        Assert.Equal(1, await _bed.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "coupon.issued")));
    }

    [Fact]
    public async Task WithSendExistingAnExpiredCouponIsNotSentAgain()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Issual.MaxPerCustomer = 1;
            o.Issual.OnRepeatMatch = RepeatMatchAction.SendExisting;
            o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 0 };
        });
        var user = await _bed.CustomerAsync();
        Assert.True((await _bed.IssueAsync(offer.Id, user)).IsSuccess);
        _bed.Clock.Advance(TimeSpan.FromDays(2));

        var repeat = await _bed.IssueAsync(offer.Id, user);

        Assert.Equal(ErrorCodes.MaxIssualsPerCustomerExceeded, repeat.Error?.Code);
    }

    [Fact]
    public async Task WithDoNotSendARepeatMatchIsRefused()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Issual.MaxPerCustomer = 1;
            o.Issual.OnRepeatMatch = RepeatMatchAction.DoNotSend;
        });
        var user = await _bed.CustomerAsync();

        var rows = await _bed.IssueRowsAsync(offer.Id, user, 2);

        Assert.Equal(["ISSUED", ErrorCodes.MaxIssualsPerCustomerExceeded], IssuanceTestBed.Outcomes(rows));
    }

    [Fact]
    public async Task AnUploadedOfferWithAnEmptyPoolHasNoCodesAndCountsNothing()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Coupon.Generation.Method = GenerationMethod.Uploaded);
        var user = await _bed.CustomerAsync();

        var result = await _bed.IssueAsync(offer.Id, user);

        Assert.Equal(ErrorCodes.NoCodesAvailable, result.Error?.Code);
        Assert.Empty(await _bed.CouponsAsync(offer.Id));
        Assert.True(await _bed.IssuedCountAsync(offer.Id) is null or 0);
    }

    [Fact]
    public async Task AnUploadedPoolIsIssuedUntilItIsExhausted()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Coupon.Generation.Method = GenerationMethod.Uploaded);
        await _bed.AddUnissuedCodesAsync(offer.Id, "POOL0001", "POOL0002");
        var users = await _bed.CustomersAsync(3);

        var results = new List<Result<IssuedCoupon>>();
        foreach (var user in users)
        {
            results.Add(await _bed.IssueAsync(offer.Id, user));
        }

        Assert.Equal(["ISSUED", "ISSUED", ErrorCodes.NoCodesAvailable], IssuanceTestBed.Outcomes(results));
        Assert.Equal(["POOL0001", "POOL0002"], results.Take(2).Select(r => r.Value!.Code).Order());
        var coupons = await _bed.CouponsAsync(offer.Id);
        Assert.All(coupons, c => Assert.Equal(CouponStatus.Issued, c.Status));
        Assert.Equal(users.Take(2), coupons.Select(c => c.CustomerId!.Value).Order());
        Assert.Equal(2, await _bed.IssuedCountAsync(offer.Id));
    }

    [Fact]
    public async Task ARequestedUploadedCodeIsIssuedWhateverItsCaseAndDashes()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Coupon.Generation.Method = GenerationMethod.Uploaded);
        await _bed.AddUnissuedCodesAsync(offer.Id, "PICK0001", "PICK0002", "PICK0003");
        var user = await _bed.CustomerAsync();

        var result = await _bed.IssueAsync(offer.Id, user, "pick-0002");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("PICK0002", result.Value!.Code);
        var coupons = await _bed.CouponsAsync(offer.Id);
        var picked = Assert.Single(coupons, c => c.Code == "PICK0002");
        Assert.Equal(CouponStatus.Issued, picked.Status);
        Assert.Equal(user, picked.CustomerId);
        Assert.Equal(_bed.Clock.GetUtcNow(), picked.IssuedAt);
        Assert.Equal(result.Value.ExpiresAt, picked.ExpiresAt);
        Assert.All(coupons.Where(c => c.Code != "PICK0002"), c => Assert.Equal(CouponStatus.Unissued, c.Status));
    }

    [Fact]
    public async Task ARequestedCodeAlreadyIssuedIsNotIssuedAgain()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Coupon.Generation.Method = GenerationMethod.Uploaded);
        await _bed.AddUnissuedCodesAsync(offer.Id, "ONCE0001", "ONCE0002");
        var first = await _bed.CustomerAsync();
        var second = await _bed.CustomerAsync();
        Assert.True((await _bed.IssueAsync(offer.Id, first, "ONCE0001")).IsSuccess);

        var result = await _bed.IssueAsync(offer.Id, second, "ONCE0001");

        Assert.False(result.IsSuccess);
        var coupon = Assert.Single(await _bed.CouponsAsync(offer.Id), c => c.Code == "ONCE0001");
        Assert.Equal(first, coupon.CustomerId);
        Assert.Equal(1, await _bed.IssuedCountAsync(offer.Id));
    }

    [Fact]
    public async Task ACodeCannotBeChosenForAnOfferThatMakesItsOwn()
    {
        var offer = await _bed.ActiveOfferAsync(_ => { });
        var user = await _bed.CustomerAsync();

        var result = await _bed.IssueAsync(offer.Id, user, "MYCODE01");

        Assert.Equal(ErrorCodes.ValidationFailed, result.Error?.Code);
        Assert.Equal("code", Assert.Single(result.Error!.Fields!).Path);
        Assert.Empty(await _bed.CouponsAsync(offer.Id));
    }

    [Fact]
    public async Task AnAutoUniqueOfferWhoseCodeSpaceIsUsedUpHasNoCodes()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Coupon.Generation.Length = 4;
            o.Coupon.Generation.Alphabet = CodeAlphabet.Numeric;
        });
        await _bed.QueryAsync(async db =>
        {
            // 10^4 codes: pretend all but the last two of the offer's code space are already issued.
            var space = await db.CodeSpaces.SingleAsync(s => s.Id == offer.CodeSpaceId);
            space.NextCodeIndex = 9_998;
            return await db.SaveChangesAsync();
        });
        var users = await _bed.CustomersAsync(3);

        var results = new List<Result<IssuedCoupon>>();
        foreach (var user in users)
        {
            results.Add(await _bed.IssueAsync(offer.Id, user));
        }

        Assert.Equal(["ISSUED", "ISSUED", ErrorCodes.NoCodesAvailable], IssuanceTestBed.Outcomes(results));
        Assert.All(results.Take(2), r => Assert.Matches("^[0-9]{4}$", r.Value!.Code));
        Assert.Equal(2, await _bed.IssuedCountAsync(offer.Id));
    }

    [Fact]
    public async Task DaysFromIssualExpireAtTheEndOfTheDayInTheOrgTimeZone()
    {
        // 20:00 UTC on 12 Nov is 01:30 on 13 Nov in Kolkata: the org's date, not UTC's, counts.
        _bed.Clock.SetUtcNow(new DateTimeOffset(2025, 11, 12, 20, 0, 0, TimeSpan.Zero));
        var offer = await _bed.ActiveOfferAsync(o => o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 1 });
        var user = await _bed.CustomerAsync();

        var result = await _bed.IssueAsync(offer.Id, user);

        var expected = new DateTimeOffset(2025, 11, 14, 23, 59, 59, Ist);
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(expected, result.Value!.ExpiresAt);
        Assert.Equal(Ist, result.Value.ExpiresAt!.Value.Offset);
        Assert.Equal(expected, Assert.Single(await _bed.CouponsAsync(offer.Id)).ExpiresAt);
    }

    [Fact]
    public async Task ZeroDaysFromIssualExpireAtTheEndOfTheIssueDay()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 0 });
        var user = await _bed.CustomerAsync();

        var result = await _bed.IssueAsync(offer.Id, user);

        Assert.Equal(new DateTimeOffset(2025, 11, 12, 23, 59, 59, Ist), result.Value?.ExpiresAt);
    }

    [Fact]
    public async Task MonthEndsFromIssualExpireAtTheEndOfALaterMonth()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.MonthEndsFromIssual, Value = 1 });
        var user = await _bed.CustomerAsync();

        var result = await _bed.IssueAsync(offer.Id, user);

        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 59, 59, Ist), result.Value?.ExpiresAt);
    }

    [Fact]
    public async Task AnExpiryAfterTheOfferEndsIsCappedAtTheOfferEnd()
    {
        var end = new DateTimeOffset(2025, 11, 20, 18, 0, 0, Ist);
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.ValidUntil = end;
            o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 30 };
        });
        var user = await _bed.CustomerAsync();

        var result = await _bed.IssueAsync(offer.Id, user);

        Assert.Equal(end, result.Value?.ExpiresAt);
    }

    [Fact]
    public async Task AlongWithTheOfferExpiresWhenTheOfferEnds()
    {
        var end = new DateTimeOffset(2025, 12, 31, 23, 59, 59, Ist);
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.ValidUntil = end;
            o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.WithOffer };
        });
        var user = await _bed.CustomerAsync();

        var result = await _bed.IssueAsync(offer.Id, user);

        Assert.Equal(end, result.Value?.ExpiresAt);
    }

    [Fact]
    public async Task TheRemainingCountAlertIsRaisedOnceWhenTheThresholdIsFirstReached()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Issual.TotalLimit = 5;
            o.Issual.NotifyWhenRemaining = 2;
        });
        var user = await _bed.CustomerAsync();

        await _bed.IssueRowsAsync(offer.Id, user, 2);
        var afterTwo = await _bed.QueryAsync(db => db.IssualAlerts.AsNoTracking().Where(a => a.OfferId == offer.Id).ToListAsync());
        _bed.Clock.Advance(TimeSpan.FromMinutes(5));
        var threshold = _bed.Clock.GetUtcNow();
        await _bed.IssueRowsAsync(offer.Id, user, 1);
        var afterThree = await _bed.QueryAsync(db => db.IssualAlerts.AsNoTracking().Where(a => a.OfferId == offer.Id).ToListAsync());
        _bed.Clock.Advance(TimeSpan.FromMinutes(5));
        await _bed.IssueRowsAsync(offer.Id, user, 2);
        var afterFive = await _bed.QueryAsync(db => db.IssualAlerts.AsNoTracking().Where(a => a.OfferId == offer.Id).ToListAsync());

        Assert.Empty(afterTwo);
        var raised = Assert.Single(afterThree);
        Assert.Equal(2, raised.Remaining);
        Assert.Equal(threshold, raised.RaisedAt);
        Assert.Equal((5, 2), (raised.TotalLimit, raised.Threshold));
        var still = Assert.Single(afterFive);
        Assert.Equal(2, still.Remaining);
        Assert.Equal(threshold, still.RaisedAt);
        Assert.Equal(5, await _bed.IssuedCountAsync(offer.Id));
    }

    [Fact]
    public async Task AnIssuedCouponIsAuditedAndARefusalIsNot()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Issual.MaxPerCustomer = 1);
        var user = await _bed.CustomerAsync();

        var rows = await _bed.IssueRowsAsync(offer.Id, user, 2);

        var audited = await _bed.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "coupon.issued").ToListAsync());
        var entry = Assert.Single(audited);
        Assert.Equal(rows[0].Value!.Code, entry.EntityId);
        Assert.Equal(IssuanceTestBed.Actor, entry.Actor);
    }

    [Fact]
    public async Task AMaximumSetOnALiveOfferCountsTheCouponsIssuedBeforeIt()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Name = "No limit yet");
        var user = await _bed.CustomerAsync();
        Assert.All(await _bed.IssueRowsAsync(offer.Id, user, 2), r => Assert.True(r.IsSuccess));
        await UpdateAsync(offer.Id, o =>
        {
            o.Name = "No limit yet";
            o.Issual.MaxPerCustomer = 3;
        });

        var rows = await _bed.IssueRowsAsync(offer.Id, user, 3);

        // The customer already holds two coupons, so a maximum of three leaves room for one more.
        Assert.Equal(["ISSUED", ErrorCodes.MaxIssualsPerCustomerExceeded, ErrorCodes.MaxIssualsPerCustomerExceeded], IssuanceTestBed.Outcomes(rows));
        Assert.Equal(3, (await _bed.CouponsAsync(offer.Id)).Count(c => c.CustomerId == user));
    }

    [Fact]
    public async Task AGapSetOnALiveOfferCountsFromTheCouponIssuedBeforeIt()
    {
        var offer = await _bed.ActiveOfferAsync(o => o.Name = "No gap yet");
        var user = await _bed.CustomerAsync();
        Assert.True((await _bed.IssueAsync(offer.Id, user)).IsSuccess);
        await UpdateAsync(offer.Id, o =>
        {
            o.Name = "No gap yet";
            o.Issual.MinGapDays = 1;
        });
        _bed.Clock.Advance(TimeSpan.FromHours(1));

        var anHourLater = await _bed.IssueAsync(offer.Id, user);

        Assert.Equal(ErrorCodes.MinIssualGapNotMet, anHourLater.Error?.Code);
    }

    private async Task UpdateAsync(long offerId, Action<OfferDefinition> change)
    {
        var updated = await new UpdateOffer(_bed.Database, _bed.Clock).ExecuteAsync(offerId, TestOffers.Valid(change), IssuanceTestBed.Actor);
        Assert.True(updated.IsSuccess, updated.Error?.Message);
        Assert.Equal(OfferStatus.Active, updated.Value!.Status);
    }
}
