using System.Text.Json;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class OfferOrgEntityConfiguration : IEntityTypeConfiguration<OfferOrgEntity>
{
    public void Configure(EntityTypeBuilder<OfferOrgEntity> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.EntityType).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.EntityId).HasMaxLength(OrgEntity.MaxIdLength).IsRequired();
        // The series filter looks offers up by exact tag.
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => new { e.OfferId, e.EntityType, e.EntityId }).IsUnique();
    }
}
