using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Redemption;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class CustomerOfferRedemptionConfiguration : IEntityTypeConfiguration<CustomerOfferRedemption>
{
    public void Configure(EntityTypeBuilder<CustomerOfferRedemption> builder) =>
        builder.HasKey(c => new { c.OfferId, c.CustomerId });
}
