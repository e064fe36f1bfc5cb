using CouponAdmin.Core.Access;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Core.Reporting;
using CouponAdmin.Core.Revocation;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Uploads;

namespace CouponAdmin.Hosting;

/// <summary>Registers the database and every Core use case; pages, endpoints and jobs all resolve these.</summary>
internal static class CoreServices
{
    public static IServiceCollection AddCouponAdminCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var database = DatabaseSetup.DatabaseFrom(configuration, contentRoot);
        services.AddSingleton(database);
        services.AddDbContextFactory<CouponDbContext>(o => database.Configure(o));
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<CreateOffer>();
        services.AddSingleton<DuplicateOffer>();
        services.AddSingleton<UpdateOffer>();
        services.AddSingleton<ChangeOfferStatus>();
        services.AddSingleton<OfferQueries>();
        services.AddSingleton<OrgSetup>();
        services.AddSingleton<UpdateOrgEntity>();
        services.AddSingleton<RemoveExchangeRate>();
        services.AddSingleton<OrgPages>();
        services.AddSingleton<OrgEntityListFile>();
        services.AddSingleton<CustomerDirectory>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<DemoData>();
        services.AddSingleton<IssueCoupon>();
        services.AddSingleton<TransferCoupon>();
        services.AddSingleton<CouponQueries>();
        services.AddSingleton<BulkIssue>();
        // Group commit batches writers for SQLite's one write lock; PostgreSQL's writers run side by side and lock rows.
        services.AddSingleton(new RedemptionOptions(database.SingleWriter && configuration.GetValue("Redemption:GroupCommit", true),
            configuration.GetValue("Redemption:WriteGate", true)));
        services.AddSingleton<RedeemCoupon>();
        services.AddSingleton<ValidateCoupon>();
        services.AddSingleton(new Core.Pos.InstoreOptions(TimeSpan.FromSeconds(configuration.GetValue("Instore:ChangedSinceOverlapSeconds", 60))));
        services.AddSingleton<Core.Pos.InstoreOffers>();
        services.AddSingleton<ReverseRedemption>();
        services.AddSingleton<RevokeCoupons>();
        services.AddSingleton<RevokeCoupon>();
        services.AddSingleton<Dashboard>();
        services.AddSingleton<Core.Audit.AuditQueries>();
        services.AddSingleton<OfferFigures>();

        services.AddSingleton(UploadOptionsFrom(configuration, contentRoot));
        services.AddSingleton<UploadStore>();
        services.AddSingleton<UploadProcessors>();
        services.AddSingleton<StartUpload>();
        services.AddSingleton<RunUpload>();
        services.AddSingleton<UploadQueries>();
        return services;
    }

    /// <summary>
    /// Uploaded files live beside the database (<c>data/uploads</c>) unless <c>Uploads:Folder</c> says otherwise;
    /// <c>Uploads:MaxChunkRows</c>, when set, caps every kind's chunk.
    /// </summary>
    private static UploadOptions UploadOptionsFrom(IConfiguration configuration, string contentRoot)
    {
        var dataFolder = DatabaseSetup.DataFolder(configuration, contentRoot);
        var folder = configuration["Uploads:Folder"] is { Length: > 0 } configured ? Path.GetFullPath(configured, contentRoot) : Path.Combine(dataFolder, "uploads");
        var maxMegabytes = configuration.GetValue<long?>("Uploads:MaxFileMegabytes");
        var maxChunkRows = configuration.GetValue<int?>("Uploads:MaxChunkRows");
        if (maxChunkRows is < 1)
        {
            throw new InvalidOperationException($"Uploads:MaxChunkRows must be at least 1 (got {maxChunkRows}); leave it out for each kind's own chunk size.");
        }

        return new UploadOptions(folder, maxMegabytes is { } mb ? mb * 1024 * 1024 : UploadOptions.DefaultMaxFileBytes, maxChunkRows);
    }
}
