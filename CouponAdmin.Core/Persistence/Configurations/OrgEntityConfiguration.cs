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
