using System.Diagnostics;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using Microsoft.Data.Sqlite;

namespace CouponAdmin.Benchmarks;

/// <summary>
/// Expiry reminders at scale, through the product's own services on a clock the benchmark sets: N customers with
/// e-mail addresses each get a coupon (bulk issuance, not timed) whose "1 day before at 10:00" e-mail reminder is due;
/// then <see cref="ExpiryReminders"/> writes the outbox rows (timed) and <see cref="DeliverOutbox"/> sends them to a local
/// SMTP sink over MailKit (timed), one SMTP connection for the whole run.
/// </summary>
internal static class RemindersBenchmark
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);

    public static async Task<int> RunAsync(Options options)
    {
        var coupons = options.Long("coupons", 1_000_000);
        var path = options.String("db") ?? Path.Combine(Path.GetTempPath(), $"couponadmin-bench-{Guid.NewGuid():N}.db");
        var factory = await BenchDbFactory.MigratedAsync(path);
        var clock = new SettableClock(new DateTimeOffset(2026, 11, 12, 9, 30, 0, Ist));
        var notifications = new NotificationOptions { DeliveryBatchSize = (int)options.Long("batch", 500) };
        try
        {
            var setup = Stopwatch.StartNew();
            await BenchCustomers.InsertAsync(factory.ConnectionString, coupons, withEmail: true);
            await new OrgSetup(factory, clock).SetSettingsAsync("Asia/Kolkata", "INR", "benchmark");
            var offerId = await CreateOfferAsync(factory, clock);
            var bulk = new BulkIssue(factory, clock);
            var run = (await bulk.StartAsync(new BulkIssueRequest(offerId), "benchmark")).Value!;
            var issued = (await bulk.RunAsync(run.Id)).Issued;
            Console.WriteLine($"setup: {coupons:N0} customers, {issued:N0} coupons expiring 15 Nov 2026 in {setup.Elapsed.TotalSeconds:N1} s (not timed below)");

            // "1 day before at 10:00" of a 15 November expiry: due 14 November 10:00 IST.
            clock.Now = new DateTimeOffset(2026, 11, 14, 10, 0, 30, Ist);
            var cpu = Report.CpuSeconds();
            var write = Stopwatch.StartNew();
            var written = (await new ExpiryReminders(factory, clock, notifications, NoOutboxSignal.Instance).RunAsync()).Written;
            write.Stop();
            cpu = Report.CpuSeconds() - cpu;
            Report.Line("outbox rows written", written, "");
            Report.Line("write time", write.Elapsed.TotalSeconds, "s");
            Report.Line("write throughput", written / write.Elapsed.TotalSeconds, "rows/s");
            // On a shared machine the wall time depends on what else runs; CPU time says what the work itself costs.
            Report.Line("write CPU time", cpu, "s");
            Report.Line("rows per CPU second", written / cpu, "rows/s");

            if (options.Long("deliver", 1) == 0)
            {
                return written == coupons ? 0 : 1;
            }

            using var sink = new SmtpSink();
            var transport = new SmtpEmailTransport(new SmtpOptions { Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.None });
            var sendCpu = Report.CpuSeconds();
            var send = Stopwatch.StartNew();
            var report = await new DeliverOutbox(factory, clock, notifications, transport, new NoSmsGateway()).RunAsync();
            send.Stop();
            sendCpu = Report.CpuSeconds() - sendCpu;
            Report.Line("mails sent (marked sent)", report.Sent, "");
            Report.Line("mails the sink received", sink.Messages, "");
            Report.Line("SMTP connections", sink.Connections, "");
            Report.Line("delivery time", send.Elapsed.TotalSeconds, "s");
            Report.Line("delivery throughput", report.Sent / send.Elapsed.TotalSeconds, "mails/s");
            Report.Line("delivery CPU time (with sink)", sendCpu, "s");
            Report.Line("peak memory (process)", Report.PeakMegabytes(), "MB");
            Report.Line("database file", new FileInfo(path).Length / 1024.0 / 1024.0, "MB");
            return written == coupons && report.Sent == coupons && sink.Messages == coupons ? 0 : 1;
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

    private static async Task<long> CreateOfferAsync(BenchDbFactory factory, TimeProvider clock)
    {
        var definition = new OfferDefinition
        {
            Name = "Benchmark reminders",
            Discount = new DiscountSettings { Type = DiscountType.Percentage, Value = 10 },
            Coupon = new CouponSettings
            {
                Generation = new GenerationSettings { Method = GenerationMethod.RandomizedCommon, SampleCode = "REMIND1234" },
                Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 3 },
            },
            Issual = new IssualSettings
            {
                Reminders = [new ReminderSettings
                {
                    DaysBefore = 1, At = new TimeOnly(10, 0), Channel = ReminderChannel.Email,
                    Text = "Hi {{customer.name}}, your coupon {{coupon.code}} for {{offer.name}} ({{offer.discount}}) expires on {{coupon.expiry}}.",
                }],
            },
        };
        var created = await new CreateOffer(factory, clock).ExecuteAsync(definition, "benchmark");
        var offer = created.Value ?? throw new InvalidOperationException(created.Error!.Message);
        await new ChangeOfferStatus(factory, clock).ExecuteAsync(offer.Id, OfferStatus.Active, "benchmark");
        return offer.Id;
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
