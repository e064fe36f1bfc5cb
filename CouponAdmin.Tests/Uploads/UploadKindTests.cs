using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Uploads;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Uploads;

/// <summary>The kinds beside <c>customers</c>: codes, audience, revocations, offline redemptions, org entities and customers.</summary>
public sealed class UploadKindTests : IAsyncLifetime
{
    private readonly UploadTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    private Task<Offer> UploadedCodesOfferAsync(Action<OfferDefinition>? change = null) =>
        _bed.Issuance.ActiveOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.Uploaded;
            o.Issual.MaxPerCustomer = 1;
            change?.Invoke(o);
        });

    [Fact]
    public async Task CodesAreAddedToThePoolAndATaggedCodeIsIssuedToItsCustomerAtOnce()
    {
        var offer = await UploadedCodesOfferAsync();
        var user = await _bed.Issuance.CustomerAsync();

        var upload = await _bed.UploadAsync(UploadKind.Codes, offer.Id, $"code,identifierType,identifier\nblog-0001,,\nBLOG-0002,userId,{user}\n");

        Assert.Equal(UploadStatus.Completed, upload.Status);
        var coupons = await _bed.Issuance.CouponsAsync(offer.Id);
        Assert.Equal(["BLOG0001", "BLOG0002"], coupons.Select(c => c.Code));
        Assert.Equal(CouponStatus.Unissued, coupons[0].Status);
        Assert.Null(coupons[0].CustomerId);
        Assert.Equal(CouponStatus.Issued, coupons[1].Status);
        Assert.Equal(user, coupons[1].CustomerId);
        Assert.Contains($"3,{user},BLOG0002", await _bed.SuccessCsvAsync(upload.Id));
    }

    [Fact]
    public async Task CodesAlreadyInTheFileOrHeldInTheOrgAreRefusedRowByRowAndAGeneratedShapeIsAccepted()
    {
        var other = await UploadedCodesOfferAsync();
        await _bed.UploadAsync(UploadKind.Codes, other.Id, "code\nTAKEN-1\n");
        // An auto-unique offer owns the 8-character alphanumeric code space and has given out one code of it.
        var generating = await _bed.Issuance.ActiveOfferAsync(_ => { });
        var generated = (await _bed.Issuance.IssueAsync(generating.Id, await _bed.Issuance.CustomerAsync())).Value!.Code;
        var offer = await UploadedCodesOfferAsync();

        var upload = await _bed.UploadAsync(UploadKind.Codes, offer.Id, $"code\nFRESH-1\nfresh-1\nTAKEN-1\nABCD2345\n{generated}\n");

        Assert.Equal(UploadStatus.CompletedWithIssues, upload.Status);
        var issues = await _bed.IssuesAsync(upload.Id);
        Assert.Equal([3, 4, 6], issues.Select(i => i.Row));
        Assert.All(issues, i => Assert.Equal(ErrorCodes.DuplicateCode, i.Error));
        Assert.Contains("earlier in this file", issues[0].Message);
        Assert.Contains($"offer {other.Id}", issues[1].Message);
        Assert.Contains($"generated for a coupon of offer {generating.Id}", issues[2].Message);
        Assert.Equal(["FRESH1", "ABCD2345"], (await _bed.Issuance.CouponsAsync(offer.Id)).Select(c => c.Code));
        // The generated space will never make the uploaded code.
        Assert.Single(await _bed.Issuance.QueryAsync(db => db.HeldCodeIndexes.Where(h => h.Code == "ABCD2345").ToListAsync()));
    }

    [Fact]
    public async Task ATaggedCodeARuleRefusesStaysInThePoolUnissued()
    {
        var offer = await UploadedCodesOfferAsync();
        var user = await _bed.Issuance.CustomerAsync();

        var upload = await _bed.UploadAsync(UploadKind.Codes, offer.Id, $"code,identifierType,identifier\nPAIR-1,userId,{user}\nPAIR-2,userId,{user}\n");

        var issue = Assert.Single(await _bed.IssuesAsync(upload.Id));
        Assert.Equal((3, ErrorCodes.MaxIssualsPerCustomerExceeded, "PAIR2"), (issue.Row, issue.Error, issue.Code));
        var coupons = await _bed.Issuance.CouponsAsync(offer.Id);
        Assert.Equal([CouponStatus.Issued, CouponStatus.Unissued], coupons.Select(c => c.Status));
    }

    [Fact]
    public async Task CodesCannotBeUploadedToAnOfferThatMakesItsOwnAndCustomersCannotBeUploadedToARandomizedCommonOffer()
    {
        var autoUnique = await _bed.Issuance.ActiveOfferAsync(_ => { });
        var randomized = await _bed.Issuance.ActiveOfferAsync(o =>
        {
            o.Coupon.Generation.Method = GenerationMethod.RandomizedCommon;
            o.Coupon.Generation.SampleCode = "UPLD12345";
        });

        var codes = await _bed.StartResultAsync(UploadKind.Codes, autoUnique.Id, "code\nX-1\n");
        var customers = await _bed.StartResultAsync(UploadKind.Customers, randomized.Id, "identifierType,identifier\nuserId,1\n");

        Assert.Equal(ErrorCodes.IssualNotAllowedForSeries, codes.Error?.Code);
        Assert.Equal(ErrorCodes.IssualNotAllowedForSeries, customers.Error?.Code);
        Assert.Contains("randomized common", customers.Error!.Message);
        Assert.Empty(await _bed.Issuance.QueryAsync(db => db.Uploads.ToListAsync()));
    }

    [Fact]
    public async Task AnAudienceFileListsCustomersAndOnlyThoseCanThenBeIssued()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(o => o.Coupon.SpecificCustomersOnly = true);
        var listed = await _bed.Issuance.CustomerAsync();
        var unlisted = await _bed.Issuance.CustomerAsync();

        var audience = await _bed.UploadAsync(UploadKind.Audience, offer.Id, $"identifierType,identifier\nuserId,{listed}\nuserId,{listed}\nuserId,999999\n");
        var issued = await _bed.UploadAsync(UploadKind.Customers, offer.Id, $"identifierType,identifier\nuserId,{listed}\nuserId,{unlisted}\n");

        Assert.Equal((2, 1), (audience.SucceededRows, audience.FailedRows));
        Assert.Equal(ErrorCodes.CustomerNotFound, Assert.Single(await _bed.IssuesAsync(audience.Id)).Error);
        Assert.Equal([listed], await _bed.Issuance.QueryAsync(db => db.AudienceMembers.Where(a => a.OfferId == offer.Id).Select(a => a.CustomerId).ToListAsync()));
        Assert.Equal(ErrorCodes.CustomerNotInAudience, Assert.Single(await _bed.IssuesAsync(issued.Id)).Error);
    }

    [Fact]
    public async Task ARevocationFileRevokesTheListedCustomersActiveCouponsOnly()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(o => o.Issual.MaxPerCustomer = 2);
        var leaving = await _bed.Issuance.CustomerAsync();
        var staying = await _bed.Issuance.CustomerAsync();
        await _bed.UploadAsync(UploadKind.Customers, offer.Id, $"identifierType,identifier,count\nuserId,{leaving},2\nuserId,{staying},1\n");

        var upload = await _bed.UploadAsync(UploadKind.RevokeCustomers, offer.Id, $"identifierType,identifier\nuserId,{leaving}\n");

        Assert.Equal(UploadStatus.Completed, upload.Status);
        var coupons = await _bed.Issuance.CouponsAsync(offer.Id);
        Assert.Equal(2, coupons.Count(c => c.CustomerId == leaving && c.Status == CouponStatus.Revoked));
        Assert.Equal(CouponStatus.Issued, coupons.Single(c => c.CustomerId == staying).Status);
    }

    [Fact]
    public async Task OfflineRedemptionsRedeemOnceEvenWhenTheSameRowsAreReplayed()
    {
        var offer = await _bed.Issuance.ActiveOfferAsync(o => o.Redemption.CustomerLimit = 1);
        var user = await _bed.Issuance.CustomerAsync();
        var coupon = await _bed.Issuance.IssueAsync(offer.Id, user);
        _bed.Issuance.Clock.Advance(TimeSpan.FromHours(2));
        var csv = $"code,identifierType,identifier,storeId,billAmount,transactionId,redeemedAt\n"
                  + $"{coupon.Value!.Code},userId,{user},store-1,1200.50,T-1,2025-11-12T10:30:00+05:30\n"
                  + $"NOPE0000,userId,{user},store-1,10,T-2,2025-11-12T10:31:00\n"
                  + $"{coupon.Value.Code},userId,{user},store-1,abc,T-3,2025-11-12T10:32:00\n";

        var upload = await _bed.UploadAsync(UploadKind.Redemptions, offer.Id, csv);
        // Replay every row as a crash before the checkpoint would.
        await _bed.Issuance.QueryAsync(db => db.Uploads.Where(u => u.Id == upload.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.Status, UploadStatus.Processing).SetProperty(u => u.LastCommittedRow, 0)
            .SetProperty(u => u.ProcessedRows, 0).SetProperty(u => u.SucceededRows, 0).SetProperty(u => u.FailedRows, 0)));
        await _bed.Issuance.QueryAsync(db => db.UploadIssues.Where(i => i.UploadId == upload.Id).ExecuteDeleteAsync());
        var replayed = await _bed.Runner.ExecuteAsync(upload.Id);

        Assert.Equal((1, 2), (replayed.SucceededRows, replayed.FailedRows));
        var issues = await _bed.IssuesAsync(upload.Id);
        Assert.Equal([(3, ErrorCodes.CouponNotFound), (4, ErrorCodes.InvalidRow)], issues.Select(i => (i.Row, i.Error)));
        var redemptions = await _bed.Issuance.QueryAsync(db => db.Redemptions.AsNoTracking().ToListAsync());
        var redemption = Assert.Single(redemptions);
        Assert.Equal(new DateTimeOffset(2025, 11, 12, 5, 0, 0, TimeSpan.Zero), redemption.At);
    }

    [Fact]
    public async Task OrgEntitiesAreAddedParentsFirstAndAnIdenticalRowIsAcceptedAgain()
    {
        const string csv = "type,id,name,parentId\nzone,north,North,\nstore,s-1,Store one,north\nstore,s-2,Store two,nowhere\n";

        var first = await _bed.UploadAsync(UploadKind.Entities, null, csv);
        var again = await _bed.UploadAsync(UploadKind.Entities, null, csv.Replace("Store one", "Store 1", StringComparison.Ordinal));

        Assert.Equal((2, 1), (first.SucceededRows, first.FailedRows));
        Assert.Equal(ErrorCodes.InvalidRow, Assert.Single(await _bed.IssuesAsync(first.Id)).Error);
        Assert.Equal([(3, ErrorCodes.DuplicateOrgEntity), (4, ErrorCodes.InvalidRow)], (await _bed.IssuesAsync(again.Id)).Select(i => (i.Row, i.Error)));
        Assert.Equal(2, await _bed.Issuance.QueryAsync(db => db.OrgEntities.CountAsync()));
    }

    [Fact]
    public async Task OrgCustomersAreCreatedOrUpdatedByTheirIdentifiers()
    {
        var existing = await _bed.Issuance.CustomerAsync();
        var csv = $"userId,externalId,mobile,email,name,registeredOn,transactionCount\n"
                  + $"{existing},CRM-1,,,Renamed,,4\n"
                  + ",CRM-2,+919800000123,new@shop.example,New,2026-01-15,0\n"
                  + ",,,not-an-email,Bad,,\n";

        var upload = await _bed.UploadAsync(UploadKind.OrgCustomers, null, csv);

        Assert.Equal((2, 1), (upload.SucceededRows, upload.FailedRows));
        var customers = await _bed.Issuance.QueryAsync(db => db.Customers.AsNoTracking().OrderBy(c => c.UserId).ToListAsync());
        var renamed = customers.Single(c => c.UserId == existing);
        Assert.Equal(("Renamed", "CRM-1", 4), (renamed.Name, renamed.ExternalId, renamed.TransactionCount));
        Assert.Equal(new DateOnly(2026, 1, 15), customers.Single(c => c.ExternalId == "CRM-2").RegisteredOn);
        Assert.Contains("not-an-email", Assert.Single(await _bed.IssuesAsync(upload.Id)).Message);
    }
}
