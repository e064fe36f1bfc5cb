using System.Text.Json;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(OfferDefinition.MaxNameLength).IsRequired();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.GenerationMethod).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.IssuedBy).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Definition)
            .HasColumnName("Settings")
            .HasConversion(
                d => JsonSerializer.Serialize(d, CouponJson.Options),
                s => JsonSerializer.Deserialize<OfferDefinition>(s, CouponJson.Options)!,
                new ValueComparer<OfferDefinition>(
                    (a, b) => JsonSerializer.Serialize(a, CouponJson.Options) == JsonSerializer.Serialize(b, CouponJson.Options),
                    d => JsonSerializer.Serialize(d, CouponJson.Options).GetHashCode(StringComparison.Ordinal),
                    d => Offer.Clone(d)))
            .IsRequired();
        builder.HasOne<GeneratedCodeSpace>().WithMany().HasForeignKey(o => o.CodeSpaceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.ReservedCode).HasMaxLength(40);
        builder.HasIndex(o => o.ReservedCode).IsUnique();
        builder.HasIndex(o => o.Status);
        builder.HasIndex(o => o.Name);

        builder.HasMany(o => o.OrgEntities).WithOne().HasForeignKey(e => e.OfferId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.OrgEntities).HasField("_orgEntities").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
