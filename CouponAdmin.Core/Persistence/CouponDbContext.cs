using CouponAdmin.Core.Access;
using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Core.Uploads;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Persistence;

/// <summary>
/// The one database: our tables and ASP.NET Core Identity's (users, roles and their links, in Identity's
/// <c>AspNet*</c> tables), so an account change and its audit entry commit together; and the data-protection keys
/// that sign-in cookies and antiforgery tokens are protected with, so every web node reads the same key ring.
/// </summary>
public sealed class CouponDbContext(DbContextOptions<CouponDbContext> options)
    : IdentityDbContext<AppUser, AppRole, long>(options), IDataProtectionKeyContext
{
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<OfferOrgEntity> OfferOrgEntities => Set<OfferOrgEntity>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<OrgSettings> OrgSettings => Set<OrgSettings>();
    public DbSet<OrgEntity> OrgEntities => Set<OrgEntity>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Coupon> Coupons => Set<Coupon>();
    public DbSet<OfferCounter> OfferCounters => Set<OfferCounter>();
    public DbSet<CustomerIssual> CustomerIssuals => Set<CustomerIssual>();
    public DbSet<AudienceMember> AudienceMembers => Set<AudienceMember>();
    public DbSet<IssualAlert> IssualAlerts => Set<IssualAlert>();
    public DbSet<BulkIssueRun> BulkIssueRuns => Set<BulkIssueRun>();
    public DbSet<GeneratedCodeSpace> CodeSpaces => Set<GeneratedCodeSpace>();
    public DbSet<HeldCodeIndex> HeldCodeIndexes => Set<HeldCodeIndex>();
    public DbSet<CouponRedemption> Redemptions => Set<CouponRedemption>();
    public DbSet<CustomerCodeRedemption> CustomerCodeRedemptions => Set<CustomerCodeRedemption>();
    public DbSet<CustomerOfferRedemption> CustomerOfferRedemptions => Set<CustomerOfferRedemption>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Upload> Uploads => Set<Upload>();
    public DbSet<UploadIssue> UploadIssues => Set<UploadIssue>();
    public DbSet<Reporting.OfferDailyCount> OfferDailyCounts => Set<Reporting.OfferDailyCount>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ReminderCursor> ReminderCursors => Set<ReminderCursor>();
    public DbSet<ConfigVersion> ConfigVersions => Set<ConfigVersion>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The SQL dialect of this context's provider, for the hand-written statements of <c>Persistence/Statements</c>.</summary>
    internal Dialects.ISqlDialect Dialect => _dialect ??= Dialects.SqlDialects.For(this);

    private Dialects.ISqlDialect? _dialect;

    /// <summary>
    /// Identity's schema without passkeys, fixed here: Identity otherwise reads it from the app's options, which
    /// design-time tooling does not have, and the migrations must match the model the app runs.
    /// </summary>
    protected override Version SchemaVersion => IdentitySchemaVersions.Version2;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CouponDbContext).Assembly, t => t.GetConstructor(Type.EmptyTypes) is not null);
        // These write provider-specific SQL (index filters) and so take the dialect; the assembly scan leaves them out.
        var dialect = Dialects.SqlDialects.For(this);
        builder.ApplyConfiguration(new Configurations.CouponConfiguration(dialect));
        builder.ApplyConfiguration(new Configurations.RedemptionConfiguration(dialect));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC ticks on every provider (SQLite has no date-time type): comparisons and ORDER BY work in
        // SQL, and raw statements bind and compare DateTimeOffset.UtcTicks alike on both. Offsets the client sent stay
        // in the offer's JSON settings.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        if (Database.ProviderName == Dialects.SqlDialects.PostgresProvider)
        {
            // Text compares and sorts by code point, as SQLite's BINARY collation does, whatever the server's locale.
            configurationBuilder.Properties<string>().UseCollation("C");
        }
    }
}
