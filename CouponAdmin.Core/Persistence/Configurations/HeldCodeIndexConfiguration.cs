using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class HeldCodeIndexConfiguration : IEntityTypeConfiguration<HeldCodeIndex>
{
    public void Configure(EntityTypeBuilder<HeldCodeIndex> builder)
    {
        builder.HasKey(h => new { h.SpaceId, h.CodeIndex });
        builder.Property(h => h.Code).HasMaxLength(Coupon.MaxCodeLength).IsRequired();
        builder.HasOne<GeneratedCodeSpace>().WithMany().HasForeignKey(h => h.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
