using System.Diagnostics;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// Bulk issuance through the product's own <see cref="BulkIssue"/> service: N customers are created first
/// (not timed), then one randomized-common coupon (10 characters, 36^5 capacity) is issued to each. On a SQLite file,
/// or with <c>--provider postgres</c> on a fresh PostgreSQL database migrated by the app's own migration step — where the
/// run then measures its yardstick, a raw binary COPY of the same rows (<see cref="CopyYardstick"/>), and prints the ratio.
/// </summary>
internal static class IssueBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var customers = options.Long("customers", 1_000_000);
        if (options.String("db") is not null && BenchDatabase.ProviderFrom(options) == DatabaseProvider.Postgres)
        {
            Console.Error.WriteLine("--db names a SQLite file; with --provider postgres the run makes its own database on the server of --pg.");
            return 2;
        }

        var path = options.String("db") ?? Path.Combine(Path.GetTempPath(), $"couponadmin-bench-{Guid.NewGuid():N}.db");
        await using var database = await BenchDatabase.CreateAsync(options, path, keepSqliteFile: options.String("db") is not null);
        var factory = await BenchDbFactory.MigratedAsync(database.Database);
        Console.WriteLine($"provider: {database.Description}");

        var setup = Stopwatch.StartNew();
        await BenchCustomers.InsertAsync(database.Database, customers);
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
        var rate = r.Issued / watch.Elapsed.TotalSeconds;
        Report.Line("throughput", rate, "coupons/s");
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // The issue's yardstick, in the same run: the same rows by one raw binary COPY into an empty twin table.
            var raw = await CopyYardstick.RunAsync(database.Database.ConnectionString, offerId);
            Report.Line("raw COPY of the same rows", raw, "rows/s");
            Report.Ratio("bulk issue ÷ raw COPY", rate / raw);
        }

        Report.Line("peak memory (process)", Report.PeakMegabytes(), "MB");
        Report.Line(database.Provider == DatabaseProvider.Sqlite ? "database file" : "database size", await database.SizeMegabytesAsync(), "MB");
        return r.Issued == customers ? 0 : 1;
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
