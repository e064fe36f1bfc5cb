using System.Diagnostics;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Reporting;
using Microsoft.Data.Sqlite;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// The dashboard's and an offer page's figures over a large database: N coupons bulk-issued through the product (which
/// counts them per day as it writes), plus a year of per-day rows for 200 other offers as history. Times each query
/// (median of 20 after a warm-up) beside what counting the coupons themselves costs.
/// </summary>
internal static class DashboardBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var coupons = options.Long("coupons", 1_000_000);
        var path = Path.Combine(Path.GetTempPath(), $"couponadmin-dash-{Guid.NewGuid():N}.db");
        var factory = await BenchDbFactory.MigratedAsync(path);
        try
        {
            var setup = Stopwatch.StartNew();
            await BenchCustomers.InsertAsync(factory.ConnectionString, coupons);
            var offerId = await ActiveOfferAsync(factory);
            var bulk = new BulkIssue(factory, TimeProvider.System);
            var issued = await bulk.RunAsync((await bulk.StartAsync(new BulkIssueRequest(offerId), "benchmark")).Value!.Id);
            await HistoryAsync(factory.ConnectionString);
            Console.WriteLine($"setup: {issued.Issued:N0} coupons bulk-issued and 73,000 days of history for 200 offers in {setup.Elapsed.TotalSeconds:N1} s (not timed)");

            var dashboard = new Dashboard(factory, TimeProvider.System);
            var figures = new OfferFigures(factory, TimeProvider.System);
            Report.Line("dashboard (median)", await MedianMsAsync(() => dashboard.GetAsync()), "ms");
            Report.Line("offer figures (median)", await MedianMsAsync(() => figures.GetAsync(offerId)), "ms");
            Report.Line("COUNT(*) of coupons (median)", await MedianMsAsync(() => CountCouponsAsync(factory.ConnectionString)), "ms");
            Report.Line("coupons in the database", issued.Issued, "");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(f);
            }
        }
    }

    private static async Task<double> MedianMsAsync<T>(Func<Task<T>> query)
    {
        await query();
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            await query();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>What the figures would cost without per-day counts: one pass over the coupons.</summary>
    private static async Task<long> CountCouponsAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """SELECT COUNT(*) FROM "Coupons" WHERE "IssuedAt" >= 0""";
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task HistoryAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
            INSERT INTO "Offers" ("Name", "Status", "GenerationMethod", "IssuedBy", "Settings", "CreatedAt", "UpdatedAt")
            SELECT 'History ' || i, 'Ended', 'AutoUnique', 'CouponAdmin', (SELECT "Settings" FROM "Offers" LIMIT 1), 0, 0 FROM n;
            WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k < 364)
            INSERT INTO "OfferDailyCounts" ("OfferId", "Day", "Slot", "Issued", "Redeemed", "Reversed", "Revoked")
            SELECT o."Id", date('now', '-' || d.k || ' days'), 0, 1000, 300, 5, 10 FROM "Offers" o CROSS JOIN d WHERE o."Name" LIKE 'History %';
            """;
        await cmd.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    private static async Task<long> ActiveOfferAsync(BenchDbFactory factory)
    {
        var definition = new OfferDefinition
        {
            Name = "Dashboard benchmark",
            Discount = new DiscountSettings { Type = DiscountType.Percentage, Value = 10 },
            Coupon = new CouponSettings { Generation = new GenerationSettings { Method = GenerationMethod.AutoUnique, Length = 10, Alphabet = CodeAlphabet.Alphanumeric } },
            Issual = new IssualSettings { TotalLimit = 5_000_000 },
        };
        var offer = (await new CreateOffer(factory, TimeProvider.System).ExecuteAsync(definition, "benchmark")).Value!;
        await new ChangeOfferStatus(factory, TimeProvider.System).ExecuteAsync(offer.Id, OfferStatus.Active, "benchmark");
        return offer.Id;
    }
}
