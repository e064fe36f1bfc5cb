using System.Diagnostics;
using System.Text;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Uploads;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// A <c>customers</c> upload through the product's own <see cref="StartUpload"/> and <see cref="RunUpload"/>: N existing
/// customers and an auto-unique offer are set up first (not timed), then a file of N rows is uploaded and processed to
/// the end — save, read-through check, chunks of issuance — and timed as one.
/// </summary>
internal static class UploadBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var rows = options.Long("rows", 1_000_000);
        var maxPerCustomer = options.Long("max-per-customer", 0);
        var folder = Directory.CreateTempSubdirectory("couponadmin-upload-bench-").FullName;
        var factory = await BenchDbFactory.MigratedAsync(Path.Combine(folder, "bench.db"));
        var connectionString = factory.ConnectionString;
        try
        {

            var setup = Stopwatch.StartNew();
            await BenchCustomers.InsertAsync(connectionString, rows);
            var offerId = await CreateOfferAsync(factory, maxPerCustomer > 0 ? (int)maxPerCustomer : null);
            var file = Path.Combine(folder, "customers.csv");
            await WriteFileAsync(file, rows);
            Console.WriteLine($"setup: {rows:N0} customers, the offer and a {new FileInfo(file).Length / 1024.0 / 1024.0:N1} MB file in {setup.Elapsed.TotalSeconds:N1} s (not timed below)");

            var store = new UploadStore(new UploadOptions(Path.Combine(folder, "uploads")));
            var watch = Stopwatch.StartNew();
            Upload upload;
            await using (var content = File.OpenRead(file))
            {
                var started = await new StartUpload(factory, store, TimeProvider.System)
                    .ExecuteAsync(new StartUploadRequest(UploadKind.Customers, offerId, "customers.csv", content), "benchmark");
                upload = started.Value ?? throw new InvalidOperationException(started.Error!.Message);
            }

            var received = watch.Elapsed;
            upload = await new RunUpload(factory, store, new UploadProcessors(), TimeProvider.System).ExecuteAsync(upload.Id);
            watch.Stop();
            Report.Line("rows", upload.ProcessedRows, "");
            Report.Line("coupons issued (rows ok)", upload.SucceededRows, "");
            Report.Line("receive + check file", received.TotalSeconds, "s");
            Report.Line("wall time (upload→done)", watch.Elapsed.TotalSeconds, "s");
            Report.Line("throughput", upload.ProcessedRows / watch.Elapsed.TotalSeconds, "rows/s");
            Report.Line("peak memory (process)", Report.PeakMegabytes(), "MB");
            return upload.Status == UploadStatus.Completed && upload.SucceededRows == rows ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WriteFileAsync(string path, long rows)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync("identifierType,identifier\n");
        var line = new StringBuilder();
        for (long id = 1; id <= rows; id++)
        {
            line.Clear().Append("userId,").Append(id).Append('\n');
            await writer.WriteAsync(line);
        }
    }

    private static async Task<long> CreateOfferAsync(BenchDbFactory factory, int? maxPerCustomer)
    {
        var definition = new OfferDefinition
        {
            Name = "Benchmark upload",
            Discount = new DiscountSettings { Type = DiscountType.Percentage, Value = 10 },
            Coupon = new CouponSettings { Generation = new GenerationSettings { Method = GenerationMethod.AutoUnique, Length = 10 } },
            Issual = new IssualSettings { MaxPerCustomer = maxPerCustomer },
        };
        var created = await new CreateOffer(factory, TimeProvider.System).ExecuteAsync(definition, "benchmark");
        var offer = created.Value ?? throw new InvalidOperationException(created.Error!.Message);
        await new ChangeOfferStatus(factory, TimeProvider.System).ExecuteAsync(offer.Id, OfferStatus.Active, "benchmark");
        return offer.Id;
    }
}
