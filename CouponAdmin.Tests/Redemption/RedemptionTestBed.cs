using System.Globalization;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Core.Revocation;
using CouponAdmin.Tests.Issuance;
using CouponAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CouponAdmin.Tests.Redemption;

/// <summary>
/// The issuance test bed (temp SQLite, fake clock, org in Asia/Kolkata) plus the redemption use cases, a small org
/// (zones Z1 and Z2, concept C1, stores and a till) and a snapshot of everything a redemption writes.
/// </summary>
internal sealed class RedemptionTestBed : IAsyncLifetime
{
    public const string Actor = "redemption-tests";

    private int _nextTransaction;
    private int _nextCustomer;

    public IssuanceTestBed Issuance { get; } = new();

    public TestDatabase Database => Issuance.Database;

    public FakeTimeProvider Clock => Issuance.Clock;

    public RedeemCoupon Redeemer => new(Database, Clock);

    public ValidateCoupon Validator => new(Database, Clock);

    public CouponQueries Queries => new(Database, Clock);

    public ReverseRedemption Reverser => new(Database, Clock, Queries);

    public RevokeCoupons Revoker => new(Database, Clock);

    public OrgSetup Org => new(Database, Clock);

    public Task InitializeAsync() => Issuance.InitializeAsync();

    public Task DisposeAsync() => Issuance.DisposeAsync();

    /// <summary>
    /// Zone Z1 holds S1 (concept C1, INR, with till T1) and S2 (INR); zone Z2 holds S3 (USD) and S4 (JPY).
    /// </summary>
    public async Task AddOrgAsync()
    {
        await EntityAsync(new(OrgEntityType.Zone, "Z1", "North"));
        await EntityAsync(new(OrgEntityType.Zone, "Z2", "Abroad"));
        await EntityAsync(new(OrgEntityType.Concept, "C1", "Express"));
        await EntityAsync(new(OrgEntityType.Store, "S1", "Connaught Place", ParentId: "Z1", ConceptId: "C1", Currency: "INR"));
        await EntityAsync(new(OrgEntityType.Store, "S2", "Karol Bagh", ParentId: "Z1", Currency: "INR"));
        await EntityAsync(new(OrgEntityType.Store, "S3", "New York", ParentId: "Z2", Currency: "USD"));
        await EntityAsync(new(OrgEntityType.Store, "S4", "Tokyo", ParentId: "Z2", Currency: "JPY"));
        await EntityAsync(new(OrgEntityType.Till, "T1", "Till 1", ParentId: "S1"));
    }

    public async Task EntityAsync(OrgEntityRequest request)
    {
        var added = await Org.AddEntityAsync(request, Actor);
        Assert.True(added.IsSuccess, added.Error?.Message);
    }

    public async Task RatesAsync(params ExchangeRateRequest[] rates)
    {
        var set = await Org.SetExchangeRatesAsync(rates, Actor);
        Assert.True(set.IsSuccess, set.Error?.Message);
    }

    public Task<long> CustomerAsync() => Issuance.CustomerAsync();

    public Task<List<long>> CustomersAsync(int count) => Issuance.CustomersAsync(count);

    /// <summary>Registers a customer with a registration date and a number of past transactions.</summary>
    public async Task<long> CustomerAsync(DateOnly registeredOn, int transactions)
    {
        var email = $"new{Interlocked.Increment(ref _nextCustomer)}@redeem.example";
        var result = await new CustomerDirectory(Database).RegisterAsync(new RegisterCustomerRequest(Email: email, Name: "New Customer",
            RegisteredOn: registeredOn, TransactionCount: transactions));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!.UserId;
    }

    public Task<Offer> ActiveOfferAsync(Action<OfferDefinition> change) => Issuance.ActiveOfferAsync(change);

    public async Task ChangeStatusAsync(long offerId, OfferStatus to)
    {
        var changed = await new ChangeOfferStatus(Database, Clock).ExecuteAsync(offerId, to, Actor);
        Assert.True(changed.IsSuccess, changed.Error?.Message);
    }

    /// <summary>Issues a coupon of the offer to the customer and returns its code; fails the test when refused.</summary>
    public async Task<string> IssuedCodeAsync(long offerId, long userId, string? code = null)
    {
        var issued = await Issuance.IssueAsync(offerId, userId, code);
        Assert.True(issued.IsSuccess, issued.Error?.Message);
        return issued.Value!.Code;
    }

    public RedeemRequest Request(string code, long userId, decimal bill = 1000m, string? storeId = null, string? tillId = null,
        DateTimeOffset? at = null, string? transactionId = null) =>
        new(code, IdentifierType.UserId, userId.ToString(CultureInfo.InvariantCulture), tillId, storeId, bill, null,
            transactionId ?? $"TX-{Interlocked.Increment(ref _nextTransaction)}", at);

    public Task<Result<RedemptionOutcome>> RedeemAsync(string code, long userId, decimal bill = 1000m, string? storeId = null,
        string? tillId = null, DateTimeOffset? at = null) =>
        Redeemer.ExecuteAsync(Request(code, userId, bill, storeId, tillId, at), Actor);

    /// <summary>Redeems and fails the test when the redemption is refused.</summary>
    public async Task<RedemptionOutcome> RedeemedAsync(string code, long userId, decimal bill = 1000m, string? storeId = null,
        string? tillId = null, DateTimeOffset? at = null)
    {
        var result = await RedeemAsync(code, userId, bill, storeId, tillId, at);
        Assert.True(result.IsSuccess, result.Error?.Code + ": " + result.Error?.Message);
        Assert.NotNull(result.Value!.RedemptionId);
        return result.Value;
    }

    public Task<T> QueryAsync<T>(Func<Core.Persistence.CouponDbContext, Task<T>> query) => Issuance.QueryAsync(query);

    public Task<List<CouponRedemption>> RedemptionsAsync(long offerId) =>
        QueryAsync(db => db.Redemptions.AsNoTracking().Where(r => r.OfferId == offerId).OrderBy(r => r.Id).ToListAsync());

    public Task<Coupon> CouponAsync(long offerId, string code) =>
        QueryAsync(db => db.Coupons.AsNoTracking().FirstAsync(c => c.OfferId == offerId && c.Code == code));

    public Task<List<Coupon>> CouponsAsync(long offerId) => Issuance.CouponsAsync(offerId);

    public Task AddUnissuedCodesAsync(long offerId, params string[] codes) => Issuance.AddUnissuedCodesAsync(offerId, codes);

    /// <summary>A code already held by a customer, as a codes upload tagged to customers leaves it (third-party series).</summary>
    public Task AddHeldCodeAsync(long offerId, string code, long customerId) =>
        QueryAsync(async db =>
        {
            var now = Clock.GetUtcNow();
            db.Coupons.Add(new Coupon
            {
                OfferId = offerId,
                Code = code,
                CustomerId = customerId,
                Status = CouponStatus.Issued,
                IssuedAt = now,
                ExpiresAt = now.AddDays(30),
                LastStatusChangeAt = now,
            });
            return await db.SaveChangesAsync();
        });

    /// <summary>Everything redeeming writes for an offer, as one comparable value.</summary>
    public async Task<RedemptionState> StateAsync(long offerId)
    {
        await using var db = Database.CreateDbContext();
        var redemptions = await db.Redemptions.AsNoTracking().Where(r => r.OfferId == offerId).OrderBy(r => r.Id)
            .Select(r => $"{r.Id}:{r.Active}").ToListAsync();
        var coupons = await db.Coupons.AsNoTracking().Where(c => c.OfferId == offerId).OrderBy(c => c.Id).ToListAsync();
        var customerCounts = await db.CustomerCodeRedemptions.AsNoTracking().Where(c => c.OfferId == offerId)
            .OrderBy(c => c.Code).ThenBy(c => c.CustomerId).Select(c => $"{c.Code}/{c.CustomerId}={c.Count}").ToListAsync();
        var gaps = await db.CustomerOfferRedemptions.AsNoTracking().Where(c => c.OfferId == offerId).OrderBy(c => c.CustomerId).ToListAsync();
        var series = await db.OfferCounters.AsNoTracking().Where(c => c.OfferId == offerId).Select(c => (long?)c.RedeemedCount).FirstOrDefaultAsync();
        var audits = await db.AuditEntries.AsNoTracking().CountAsync();
        return new RedemptionState(
            string.Join(";", redemptions),
            string.Join(";", coupons.Select(c => $"{c.Code}:{c.Status}:{c.RedemptionCount}:{c.LastStatusChangeAt.UtcTicks}")),
            string.Join(";", customerCounts),
            string.Join(";", gaps.Select(g => $"{g.CustomerId}@{g.LastRedeemedAt?.UtcTicks}")),
            series ?? 0,
            audits);
    }

    public static string[] Outcomes(IEnumerable<Result<RedemptionOutcome>> results) =>
        [.. results.Select(r => r.IsSuccess ? "REDEEMED" : r.Error!.Code)];
}

/// <summary>What redeeming has written for one offer; equal before and after means nothing changed.</summary>
internal sealed record RedemptionState(string Redemptions, string Coupons, string CustomerCounts, string Gaps, long SeriesCount, int AuditEntries);
