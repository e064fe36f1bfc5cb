using CouponAdmin.Core.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class OrgEntityConfiguration : IEntityTypeConfiguration<OrgEntity>
{
    public void Configure(EntityTypeBuilder<OrgEntity> builder)
    {
        builder.HasKey(e => new { e.Type, e.EntityId });
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.EntityId).HasMaxLength(OrgEntity.MaxIdLength);
        builder.Property(e => e.Name).HasMaxLength(OrgEntity.MaxNameLength).IsRequired();
        builder.Property(e => e.ParentId).HasMaxLength(OrgEntity.MaxIdLength);
        builder.Property(e => e.ConceptId).HasMaxLength(OrgEntity.MaxIdLength);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.HasIndex(e => new { e.Type, e.ParentId });
    }
}

internal sealed class OrgSettingsConfiguration : IEntityTypeConfiguration<OrgSettings>
{
    public void Configure(EntityTypeBuilder<OrgSettings> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TimeZone).HasMaxLength(64).IsRequired();
        builder.Property(s => s.BaseCurrency).HasMaxLength(3).IsRequired();
    }
}

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> builder)
    {
        builder.HasKey(r => new { r.From, r.To });
        builder.Property(r => r.From).HasMaxLength(3);
        builder.Property(r => r.To).HasMaxLength(3);
    }
}
