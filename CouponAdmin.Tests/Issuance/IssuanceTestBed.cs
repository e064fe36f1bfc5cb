using System.Runtime.CompilerServices;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Tests.Offers;
using CouponAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CouponAdmin.Tests.Issuance;

/// <summary>
/// One migrated SQLite file, a fake clock at <see cref="TestOffers.Now"/> and an org in Asia/Kolkata: the world an
/// issuance test runs in. Customers and offers are made through the real use cases, never by hand.
/// </summary>
internal sealed class IssuanceTestBed : IAsyncLifetime
{
    public const string Actor = "issuance-tests";

    private int _nextEmail;

    public TestDatabase Database { get; } = new();

    public FakeTimeProvider Clock { get; } = new(TestOffers.Now);

    public IssueCoupon Issuer => new(Database, Clock);

    public async Task InitializeAsync()
    {
        var settings = await new OrgSetup(Database, Clock).SetSettingsAsync("Asia/Kolkata", "INR", Actor);
        Assert.True(settings.IsSuccess, settings.Error?.Message);
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Registers a customer with an e-mail address and returns their user id.</summary>
    public async Task<long> CustomerAsync()
    {
        var email = $"customer{Interlocked.Increment(ref _nextEmail)}@shop.example";
        var result = await new CustomerDirectory(Database).RegisterAsync(new RegisterCustomerRequest(null, null, null, email, "Test Customer", null));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!.UserId;
    }

    public async Task<List<long>> CustomersAsync(int count)
    {
        var ids = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            ids.Add(await CustomerAsync());
        }

        return ids;
    }

    public Task<Result<Offer>> CreateOfferAsync(Action<OfferDefinition> change) =>
        new CreateOffer(Database, Clock).ExecuteAsync(TestOffers.Valid(change), Actor);

    /// <summary>A draft offer made from <see cref="TestOffers.Valid()"/> with one change; fails the test when it is refused.</summary>
    public async Task<Offer> DraftOfferAsync(Action<OfferDefinition> change)
    {
        var created = await CreateOfferAsync(change);
        Assert.True(created.IsSuccess, created.Error?.Message);
        return created.Value!;
    }

    public async Task<Offer> ActiveOfferAsync(Action<OfferDefinition> change)
    {
        var draft = await DraftOfferAsync(change);
        var activated = await new ChangeOfferStatus(Database, Clock).ExecuteAsync(draft.Id, OfferStatus.Active, Actor);
        Assert.True(activated.IsSuccess, activated.Error?.Message);
        return activated.Value!;
    }

    public Task<Result<IssuedCoupon>> IssueAsync(long offerId, long userId, string? code = null) =>
        Issuer.ExecuteAsync(new IssueCouponRequest(offerId, IdentifierType.UserId, userId.ToString(System.Globalization.CultureInfo.InvariantCulture), code), Actor);

    /// <summary>Issues <paramref name="times"/> times in a row, as the rows of an upload file would be.</summary>
    public async Task<List<Result<IssuedCoupon>>> IssueRowsAsync(long offerId, long userId, int times)
    {
        var results = new List<Result<IssuedCoupon>>(times);
        for (var i = 0; i < times; i++)
        {
            results.Add(await IssueAsync(offerId, userId));
        }

        return results;
    }

    public async Task<T> QueryAsync<T>(Func<CouponDbContext, Task<T>> query)
    {
        await using var db = Database.CreateDbContext();
        return await query(db);
    }

    public Task<List<Coupon>> CouponsAsync(long offerId) =>
        QueryAsync(db => db.Coupons.AsNoTracking().Where(c => c.OfferId == offerId).OrderBy(c => c.Id).ToListAsync());

    public Task<long?> IssuedCountAsync(long offerId) =>
        QueryAsync(db => db.OfferCounters.AsNoTracking().Where(c => c.OfferId == offerId).Select(c => (long?)c.IssuedCount).FirstOrDefaultAsync());

    /// <summary>Adds uploaded codes to an offer's pool as unissued coupons.</summary>
    public Task AddUnissuedCodesAsync(long offerId, params string[] codes) =>
        QueryAsync(async db =>
        {
            db.Coupons.AddRange(codes.Select(code => new Coupon
            {
                OfferId = offerId,
                Code = code,
                Status = CouponStatus.Unissued,
                LastStatusChangeAt = Clock.GetUtcNow(),
            }));
            return await db.SaveChangesAsync();
        });

    /// <summary>
    /// Runs <paramref name="tasks"/> copies of <paramref name="work"/> (given the task's number) on the thread pool and
    /// releases them together once every one is waiting at the gate, so the calls really overlap.
    /// </summary>
    public static async Task<T[]> ReleasedTogetherAsync<T>(int tasks, Func<int, Task<T>> work)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = new StrongBox<int>();
        var running = Enumerable.Range(0, tasks).Select(n => Task.Run(async () =>
        {
            Interlocked.Increment(ref waiting.Value);
            await gate.Task;
            return await work(n);
        })).ToList();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref waiting.Value) < tasks && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1);
        }

        gate.SetResult();
        return await Task.WhenAll(running);
    }

    /// <summary>The error code of each refusal and "ISSUED" for each success, in order.</summary>
    public static string[] Outcomes(IEnumerable<Result<IssuedCoupon>> results) =>
        [.. results.Select(r => r.IsSuccess ? "ISSUED" : r.Error!.Code)];
}
