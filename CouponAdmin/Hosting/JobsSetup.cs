using CouponAdmin.Components.Shared;
using CouponAdmin.Core.Access;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Jobs;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Hosting;

/// <summary>
/// Hangfire on its embedded in-memory storage with SQLite (it forgets queued jobs on restart, so our own tables are the
/// record: unfinished runs are queued again at start-up and resume from their checkpoint), or on PostgreSQL in its own
/// schema of the app's database when the app runs there, so every node shares one queue and a job runs once across them.
/// </summary>
internal static class JobsSetup
{
    public static IServiceCollection AddCouponAdminJobs(this IServiceCollection services)
    {
        // Hangfire keeps its configuration in globals. Building it when the host starts (not when services are
        // registered) and pointing its logging at this host's logger factory keeps one process able to run
        // several hosts one after another, as the tests do.
        services.AddHangfire((sp, c) => c
            .UseLogProvider(new AspNetCoreLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseCouponStorage(sp.GetRequiredService<CouponDatabase>(), ClaimLapseFrom(sp.GetRequiredService<IConfiguration>())));
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = 2;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        services.AddTransient<BulkIssueJob>();
        services.AddTransient<UploadJob>();
        services.AddTransient<DeliverOutboxJob>();
        services.AddTransient<ExpiryRemindersJob>();
        services.AddSingleton<UploadQueue>();
        return services;
    }

    /// <summary>
    /// The job storage for the app's database. On PostgreSQL a fetched job stays invisible to other nodes while its node's
    /// heartbeat renews the claim (sliding invisibility); a node that dies stops renewing, and another node takes the job
    /// after <paramref name="claimLapse"/>, resuming from the run's checkpoint.
    /// </summary>
    private static IGlobalConfiguration UseCouponStorage(this IGlobalConfiguration configuration, CouponDatabase database, TimeSpan claimLapse) =>
        database.Provider == DatabaseProvider.Postgres
            ? configuration.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString), new PostgreSqlStorageOptions
            {
                SchemaName = HangfireSchema,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(1),
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = claimLapse,
            })
            : configuration.UseInMemoryStorage();

    /// <summary>Hangfire's tables on PostgreSQL: a schema of their own beside the app's (which are in <c>public</c>).</summary>
    public const string HangfireSchema = "hangfire";

    /// <summary>
    /// How long a job fetched by a node that stopped renewing its claim (it died) waits before another node runs it:
    /// <c>Jobs:ClaimLapse</c>, 5 minutes unless set (docs/operations.md). A live node renews well within it, so a short
    /// lapse only risks a second run beside a node stalled that long, which the runs' checkpoints make harmless.
    /// </summary>
    public static TimeSpan ClaimLapseFrom(IConfiguration configuration)
    {
        var lapse = configuration.GetValue<TimeSpan?>("Jobs:ClaimLapse") ?? DefaultClaimLapse;
        return lapse > TimeSpan.Zero
            ? lapse
            : throw new InvalidOperationException($"Jobs:ClaimLapse must be a positive duration such as 00:05:00 (got {lapse}).");
    }

    private static readonly TimeSpan DefaultClaimLapse = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Queues the unfinished upload and bulk runs again when the queue forgot them (in-memory storage, SQLite). Hangfire's
    /// PostgreSQL queue keeps its jobs across restarts and hands a dead node's job to another, so there every node starting
    /// would only add a second job for a run that already has one.
    /// </summary>
    public static async Task RequeueUnfinishedAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<CouponDatabase>().Provider == DatabaseProvider.Postgres)
        {
            return;
        }

        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        foreach (var runId in await app.Services.GetRequiredService<BulkIssue>().UnfinishedAsync())
        {
            jobs.Enqueue<BulkIssueJob>(j => j.RunAsync(runId, CancellationToken.None));
        }

        foreach (var uploadId in await app.Services.GetRequiredService<CouponAdmin.Core.Uploads.UploadQueries>().UnfinishedAsync())
        {
            jobs.Enqueue<UploadJob>(j => j.RunAsync(uploadId, CancellationToken.None));
        }
    }

    /// <summary>
    /// The recurring jobs: expiry reminders (<c>Notifications:ReminderCron</c>, every minute) and outbox delivery
    /// (<c>Notifications:DeliveryCron</c>, every 10 seconds, so an issual-limit alert written inside an issuing
    /// transaction leaves within seconds; resends and reminder runs also queue a delivery at once).
    /// </summary>
    public static WebApplication ScheduleRecurringJobs(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        var config = app.Configuration;
        jobs.AddOrUpdate<ExpiryRemindersJob>("expiry-reminders", j => j.RunAsync(CancellationToken.None),
            config["Notifications:ReminderCron"] is { Length: > 0 } reminders ? reminders : Cron.Minutely());
        jobs.AddOrUpdate<DeliverOutboxJob>("outbox-delivery", j => j.RunAsync(CancellationToken.None),
            config["Notifications:DeliveryCron"] is { Length: > 0 } delivery ? delivery : "*/10 * * * * *");
        return app;
    }

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        // The endpoint's policy refuses as pages do (sign-in form, or the access-denied page); Hangfire's own filter
        // must still allow the request, and says the same.
        app.MapHangfireDashboard("/jobs", new DashboardOptions { Authorization = [new JobsPermission()], DisplayStorageConnectionString = false })
            .RequireAuthorization(nameof(Permission.Jobs));
        return app;
    }

    private sealed class JobsPermission : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            return context.GetHttpContext().User.May(Permission.Jobs);
        }
    }
}
