using CouponAdmin.Benchmarks;

return args.FirstOrDefault() switch
{
    "issue" => await IssueBenchmark.RunAsync(Options.Parse(args[1..])),
    "codes" => CodesBenchmark.Run(Options.Parse(args[1..])),
    "redeem" => await RedeemBenchmark.RunAsync(Options.Parse(args[1..])),
    "upload" => await UploadBenchmark.RunAsync(Options.Parse(args[1..])),
    "dashboard" => await DashboardBenchmark.RunAsync(Options.Parse(args[1..])),
    "reminders" => await RemindersBenchmark.RunAsync(Options.Parse(args[1..])),
    "instore" => await InstoreBenchmark.RunAsync(Options.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("""
        CouponAdmin.Benchmarks — throughput figures (Release build recommended):
          issue --customers N [--db PATH] [--chunk N] [--provider sqlite|postgres] [--pg CONN]
                                                        bulk-issue one randomized-common coupon (10 chars) to each of N customers;
                                                        on postgres also a raw binary COPY of the same rows, and the ratio
          codes [--count N]                             generate N auto-unique codes (10 alphanumeric) in memory
          redeem [--coupons N] [--connections C] [--warmup W] [--noop M] [--validate V] [--settle S] [--app PATH]
                 [--provider sqlite|postgres] [--pg CONN] [--nodes K]
                                                        start the app (Release build) on loopback; with C concurrent connections
                                                        time M no-op calls (GET /health/live), V validations, N redemptions of
                                                        distinct coupons and M no-op calls again; print redeem ÷ no-op.
                                                        --nodes K (PostgreSQL only): K app processes on one database, the
                                                        client spreading every phase round-robin over them
          upload [--rows N] [--max-per-customer M]     upload a customers file of N rows (existing customers) to an auto-unique
                                                        offer and time it from receiving the file to the upload completed
          instore [--requests N] [--connections C] [--stores S] [--offers O] [--app PATH]
                                                        start the app, make S stores and O offers, and poll one store's in-store
                                                        feed N times with If-None-Match (304) and without (200), beside the no-op
          dashboard [--coupons N]                       bulk-issue N coupons, add a year of history for 200 offers, and time the
                                                        dashboard's and an offer's figures (median of 20)
          reminders [--coupons N] [--batch B] [--deliver 0|1]
                                                        N coupons whose e-mail reminder is due: write the outbox rows, then
                                                        deliver them to a local SMTP sink over one connection (B per claim)

        --provider postgres: a fresh database couponadmin_bench_<guid> on the server of --pg (default
          "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"), migrated by the app's own code, dropped afterwards.
        """);
    return 2;
}
