using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class OfferDailyCountConfiguration : IEntityTypeConfiguration<OfferDailyCount>
{
    public void Configure(EntityTypeBuilder<OfferDailyCount> builder)
    {
        builder.HasKey(c => new { c.OfferId, c.Day, c.Slot });
        // The dashboard reads every offer's last 30 days.
        builder.HasIndex(c => c.Day);
        builder.HasOne<Offer>().WithMany().HasForeignKey(c => c.OfferId).OnDelete(DeleteBehavior.Cascade);
    }
}
