using CouponAdmin.Core.Access;
using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CouponAdmin.Core.Persistence;

public sealed class CouponDbContext(DbContextOptions<CouponDbContext> options) : DbContext(options)
{
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<OfferOrgEntity> OfferOrgEntities => Set<OfferOrgEntity>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<OrgSettings> OrgSettings => Set<OrgSettings>();
    public DbSet<OrgEntity> OrgEntities => Set<OrgEntity>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AppUser> Users => Set<AppUser>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CouponDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type; a sortable integer keeps comparisons and ORDER BY in SQL.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
