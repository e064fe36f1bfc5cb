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
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{provider}' is not available yet: this build ships SQLite migrations only (see docs/decisions.md).");
        }

        var connectionString = SqliteSetup.ResolveConnectionString(configuration.GetConnectionString("CouponAdmin"), contentRoot);
        services.AddDbContextFactory<CouponDbContext>(o => o.UseCouponSqlite(connectionString));
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
        services.AddSingleton(new RedemptionOptions(configuration.GetValue("Redemption:GroupCommit", true), configuration.GetValue("Redemption:WriteGate", true)));
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

    /// <summary>The folder the database lives in (<c>data/</c> by default): uploads and written mail go beside it.</summary>
    public static string DataFolder(IConfiguration configuration, string contentRoot)
    {
        var connectionString = SqliteSetup.ResolveConnectionString(configuration.GetConnectionString("CouponAdmin"), contentRoot);
        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        return Path.IsPathFullyQualified(dataSource) ? Path.GetDirectoryName(dataSource)! : Path.Combine(contentRoot, "data");
    }

    /// <summary>Uploaded files live beside the database (<c>data/uploads</c>) unless <c>Uploads:Folder</c> says otherwise.</summary>
    private static UploadOptions UploadOptionsFrom(IConfiguration configuration, string contentRoot)
    {
        var dataFolder = DataFolder(configuration, contentRoot);
        var folder = configuration["Uploads:Folder"] is { Length: > 0 } configured ? Path.GetFullPath(configured, contentRoot) : Path.Combine(dataFolder, "uploads");
        var maxMegabytes = configuration.GetValue<long?>("Uploads:MaxFileMegabytes");
        return new UploadOptions(folder, maxMegabytes is { } mb ? mb * 1024 * 1024 : UploadOptions.DefaultMaxFileBytes);
    }
}
