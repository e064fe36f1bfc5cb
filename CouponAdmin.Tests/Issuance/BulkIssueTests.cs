using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Issuance;

public sealed class BulkIssueTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly BulkIssue _bulk;

    public BulkIssueTests() => _bulk = new BulkIssue(_db, TimeProvider.System);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task EveryCustomerGetsOneRandomizedCommonCouponWithADistinctCode()
    {
        await AddCustomersAsync(1_200);
        var offerId = await ActiveOfferAsync(RandomizedCommon("BULKA12345"));

        var run = await RunAsync(offerId, chunkSize: 500);

        Assert.Equal(BulkIssueStatus.Completed, run.Status);
        Assert.Equal(1_200, run.Issued);
        await using var db = _db.CreateDbContext();
        var codes = await db.Coupons.Where(c => c.OfferId == offerId).Select(c => c.Code).ToListAsync();
        Assert.Equal(1_200, codes.Distinct().Count());
        Assert.All(codes, c => Assert.StartsWith("BULKA", c, StringComparison.Ordinal));
        Assert.Equal(1_200, await db.Coupons.Where(c => c.OfferId == offerId).Select(c => c.CustomerId).Distinct().CountAsync());
        Assert.Equal(1_200, (await db.OfferCounters.SingleAsync(c => c.OfferId == offerId)).IssuedCount);
    }

    [Fact]
    public async Task ASeriesLimitStopsBulkIssuanceAtExactlyTheLimit()
    {
        await AddCustomersAsync(1_000);
        var definition = RandomizedCommon("BULKB12345");
        definition.Issual.TotalLimit = 700;
        var offerId = await ActiveOfferAsync(definition);

        var run = await RunAsync(offerId, chunkSize: 300);

        Assert.Equal(700, run.Issued);
        await using var db = _db.CreateDbContext();
        Assert.Equal(700, await db.Coupons.CountAsync(c => c.OfferId == offerId));
    }

    [Fact]
    public async Task ASecondRunOfAOnePerCustomerOfferIssuesNothingMore()
    {
        await AddCustomersAsync(300);
        var definition = RandomizedCommon("BULKC12345");
        definition.Issual.MaxPerCustomer = 1;
        var offerId = await ActiveOfferAsync(definition);

        var first = await RunAsync(offerId, chunkSize: 128);
        var second = await RunAsync(offerId, chunkSize: 128);

        Assert.Equal(300, first.Issued);
        Assert.Equal(0, second.Issued);
        Assert.Equal(300, second.Considered);
        await using var db = _db.CreateDbContext();
        Assert.Equal(300, await db.Coupons.CountAsync(c => c.OfferId == offerId));
    }

    [Fact]
    public async Task AJobCutShortMidChunkResumesWithoutDuplicatesOrGaps()
    {
        await AddCustomersAsync(5_000);
        var offerId = await ActiveOfferAsync(RandomizedCommon("BULKD12345"));
        var started = await _bulk.StartAsync(new BulkIssueRequest(offerId), "test");
        // The database itself fails the 2,501st insert: half-way through the third chunk of 1,000.
        var postgres = _db.Provider == DatabaseProvider.Postgres;
        await ExecuteAsync(postgres
            ? """
              CREATE FUNCTION "InjectedCrash"() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN
                  IF (SELECT COUNT(*) FROM "Coupons") >= 2500 THEN RAISE EXCEPTION 'injected crash'; END IF;
                  RETURN NEW;
              END $$;
              CREATE TRIGGER "InjectedCrash" BEFORE INSERT ON "Coupons" FOR EACH ROW EXECUTE FUNCTION "InjectedCrash"();
              """
            : """
              CREATE TRIGGER "InjectedCrash" BEFORE INSERT ON "Coupons"
              WHEN (SELECT COUNT(*) FROM "Coupons") >= 2500 BEGIN SELECT RAISE(ABORT, 'injected crash'); END;
              """);

        var crash = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => _bulk.RunAsync(started.Value!.Id, 1_000));
        Assert.Contains("injected crash", crash.Message, StringComparison.Ordinal);
        await ExecuteAsync(postgres ? """DROP TRIGGER "InjectedCrash" ON "Coupons";""" : """DROP TRIGGER "InjectedCrash";""");

        await using (var db = _db.CreateDbContext())
        {
            // Two chunks committed; the third was cut off after 500 inserts and rolled back whole.
            Assert.Equal(2_000, await db.Coupons.CountAsync(c => c.OfferId == offerId));
            Assert.Equal(BulkIssueStatus.Processing, (await db.BulkIssueRuns.SingleAsync(r => r.Id == started.Value!.Id)).Status);
            Assert.Contains(started.Value!.Id, await _bulk.UnfinishedAsync());
        }

        var resumed = await _bulk.RunAsync(started.Value!.Id, 1_000);

        Assert.Equal(BulkIssueStatus.Completed, resumed.Status);
        Assert.Equal(5_000, resumed.Issued);
        await using var check = _db.CreateDbContext();
        var perCustomer = await check.Coupons.Where(c => c.OfferId == offerId).GroupBy(c => c.CustomerId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(5_000, perCustomer.Count);
        Assert.All(perCustomer, n => Assert.Equal(1, n));
        Assert.Equal(5_000, (await check.OfferCounters.SingleAsync(c => c.OfferId == offerId)).IssuedCount);
    }

    [Fact]
    public async Task CancellingAJobBetweenChunksKeepsWhatWasCommittedAndResumes()
    {
        await AddCustomersAsync(3_000);
        var offerId = await ActiveOfferAsync(RandomizedCommon("BULKG12345"));
        var started = await _bulk.StartAsync(new BulkIssueRequest(offerId), "test");
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _bulk.RunAsync(started.Value!.Id, 1_000, new CancelAfter(1, stop), stop.Token));
        var resumed = await _bulk.RunAsync(started.Value!.Id, 1_000);

        Assert.Equal(3_000, resumed.Issued);
        await using var db = _db.CreateDbContext();
        Assert.Equal(3_000, await db.Coupons.Where(c => c.OfferId == offerId).Select(c => c.CustomerId).Distinct().CountAsync());
        Assert.Equal(3_000, await db.Coupons.CountAsync(c => c.OfferId == offerId));
    }

    [Fact]
    public async Task ACompletedRunDoesNothingWhenItRunsAgain()
    {
        await AddCustomersAsync(50);
        var offerId = await ActiveOfferAsync(RandomizedCommon("BULKE12345"));
        var started = await _bulk.StartAsync(new BulkIssueRequest(offerId), "test");
        await _bulk.RunAsync(started.Value!.Id);

        var again = await _bulk.RunAsync(started.Value!.Id);

        Assert.Equal(50, again.Issued);
        await using var db = _db.CreateDbContext();
        Assert.Equal(50, await db.Coupons.CountAsync(c => c.OfferId == offerId));
    }

    [Fact]
    public async Task UploadedCodeOffersAndDraftOffersAreRefusedBeforeAnythingIsQueued()
    {
        var draft = await new CreateOffer(_db, TimeProvider.System).ExecuteAsync(RandomizedCommon("BULKF12345"), "test");

        var refused = await _bulk.StartAsync(new BulkIssueRequest(draft.Value!.Id), "test");

        Assert.Equal("OFFER_NOT_ACTIVE", refused.Error?.Code);
        await using var db = _db.CreateDbContext();
        Assert.Empty(await db.BulkIssueRuns.ToListAsync());
    }

    private async Task<BulkIssueRun> RunAsync(long offerId, int chunkSize)
    {
        var started = await _bulk.StartAsync(new BulkIssueRequest(offerId), "test");
        Assert.True(started.IsSuccess, started.Error?.Message);
        return await _bulk.RunAsync(started.Value!.Id, chunkSize);
    }

    private static OfferDefinition RandomizedCommon(string sample) => new()
    {
        Name = $"Bulk {sample}",
        Discount = new DiscountSettings { Type = DiscountType.Percentage, Value = 10 },
        Coupon = new CouponSettings { Generation = new GenerationSettings { Method = GenerationMethod.RandomizedCommon, SampleCode = sample } },
    };

    private async Task<long> ActiveOfferAsync(OfferDefinition definition)
    {
        var created = await new CreateOffer(_db, TimeProvider.System).ExecuteAsync(definition, "test");
        Assert.True(created.IsSuccess, created.Error?.Message);
        await new ChangeOfferStatus(_db, TimeProvider.System).ExecuteAsync(created.Value!.Id, OfferStatus.Active, "test");
        return created.Value.Id;
    }

    private async Task AddCustomersAsync(int count)
    {
        await using var connection = _db.OpenConnection();
        await using var tx = await connection.BeginTransactionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """INSERT INTO "Customers" ("UserId", "TransactionCount") VALUES (@id, 0)""";
        var id = cmd.CreateParameter();
        id.ParameterName = "@id";
        id.DbType = System.Data.DbType.Int64;
        cmd.Parameters.Add(id);
        for (var i = 1; i <= count; i++)
        {
            id.Value = 5_000_000 + i;
            await cmd.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = _db.OpenConnection();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Cancels the job once it has committed the given number of chunks.</summary>
    private sealed class CancelAfter(int chunks, CancellationTokenSource crash) : IProgress<BulkIssueProgress>
    {
        private int _seen;

        public void Report(BulkIssueProgress value)
        {
            if (++_seen == chunks)
            {
                crash.Cancel();
            }
        }
    }
}
