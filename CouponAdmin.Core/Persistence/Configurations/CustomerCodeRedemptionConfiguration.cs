using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Redemption;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class CustomerCodeRedemptionConfiguration : IEntityTypeConfiguration<CustomerCodeRedemption>
{
    public void Configure(EntityTypeBuilder<CustomerCodeRedemption> builder)
    {
        builder.HasKey(c => new { c.OfferId, c.Code, c.CustomerId });
        builder.Property(c => c.Code).HasMaxLength(Coupon.MaxCodeLength);
    }
}
