using CouponAdmin.Core.Access;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Core.Revocation;
using CouponAdmin.Core.Persistence;

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
        services.AddSingleton<UpdateOffer>();
        services.AddSingleton<ChangeOfferStatus>();
        services.AddSingleton<OfferQueries>();
        services.AddSingleton<OrgSetup>();
        services.AddSingleton<CustomerDirectory>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<DemoData>();
        services.AddSingleton<IssueCoupon>();
        services.AddSingleton<CouponQueries>();
        services.AddSingleton<BulkIssue>();
        services.AddSingleton<RedeemCoupon>();
        services.AddSingleton<ValidateCoupon>();
        services.AddSingleton<ReverseRedemption>();
        services.AddSingleton<RevokeCoupons>();
        return services;
    }
}
