using System.Diagnostics;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// Bulk issuance through the product's own <see cref="BulkIssue"/> service: N customers are created first
/// (not timed), then one randomized-common coupon (10 characters, 36^5 capacity) is issued to each.
/// </summary>
internal static class IssueBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var customers = options.Long("customers", 1_000_000);
        var path = options.String("db") ?? Path.Combine(Path.GetTempPath(), $"couponadmin-bench-{Guid.NewGuid():N}.db");
        var factory = await BenchDbFactory.MigratedAsync(path);
        var connectionString = factory.ConnectionString;
        try
        {

            var setup = Stopwatch.StartNew();
            await BenchCustomers.InsertAsync(connectionString, customers);
            var offerId = await CreateOfferAsync(factory);
            Console.WriteLine($"setup: {customers:N0} customers and the offer in {setup.Elapsed.TotalSeconds:N1} s (not timed below)");

            var bulk = new BulkIssue(factory, TimeProvider.System);
            var started = await bulk.StartAsync(new BulkIssueRequest(offerId), "benchmark");
            var run = started.Value ?? throw new InvalidOperationException(started.Error!.Message);
            var watch = Stopwatch.StartNew();
            var r = await bulk.RunAsync(run.Id, (int)options.Long("chunk", BulkIssue.DefaultChunkSize));
            watch.Stop();
            Report.Line("coupons issued", r.Issued, "");
            Report.Line("wall time", watch.Elapsed.TotalSeconds, "s");
            Report.Line("throughput", r.Issued / watch.Elapsed.TotalSeconds, "coupons/s");
            Report.Line("peak memory (process)", Report.PeakMegabytes(), "MB");
            Report.Line("database file", new FileInfo(path).Length / 1024.0 / 1024.0, "MB");
            return r.Issued == customers ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (options.String("db") is null)
            {
                foreach (var f in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(f);
                }
            }
        }
    }

    private static async Task<long> CreateOfferAsync(BenchDbFactory factory)
    {
        var definition = new OfferDefinition
        {
            Name = "Benchmark randomized common",
            Discount = new DiscountSettings { Type = DiscountType.Percentage, Value = 10 },
            Coupon = new CouponSettings { Generation = new GenerationSettings { Method = GenerationMethod.RandomizedCommon, SampleCode = "BENCH12345" } },
        };
        var created = await new CreateOffer(factory, TimeProvider.System).ExecuteAsync(definition, "benchmark");
        var offer = created.Value ?? throw new InvalidOperationException(created.Error!.Message);
        await new ChangeOfferStatus(factory, TimeProvider.System).ExecuteAsync(offer.Id, OfferStatus.Active, "benchmark");
        return offer.Id;
    }
}
