using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class OfferCounterConfiguration : IEntityTypeConfiguration<OfferCounter>
{
    public void Configure(EntityTypeBuilder<OfferCounter> builder)
    {
        builder.HasKey(c => c.OfferId);
        builder.Property(c => c.OfferId).ValueGeneratedNever();
        builder.HasOne<Offer>().WithOne().HasForeignKey<OfferCounter>(c => c.OfferId).OnDelete(DeleteBehavior.Cascade);
    }
}
