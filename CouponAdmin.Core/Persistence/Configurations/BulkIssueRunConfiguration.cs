using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class BulkIssueRunConfiguration : IEntityTypeConfiguration<BulkIssueRun>
{
    public void Configure(EntityTypeBuilder<BulkIssueRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.RequestedBy).HasMaxLength(254);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasIndex(r => r.Status);
        builder.HasOne<Offer>().WithMany().HasForeignKey(r => r.OfferId).OnDelete(DeleteBehavior.Restrict);
    }
}
