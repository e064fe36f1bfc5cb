using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class UploadIssueConfiguration : IEntityTypeConfiguration<UploadIssue>
{
    public void Configure(EntityTypeBuilder<UploadIssue> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Identifier).HasMaxLength(300);
        builder.Property(i => i.Code).HasMaxLength(100);
        builder.Property(i => i.Error).HasMaxLength(64).IsRequired();
        builder.Property(i => i.Message).HasMaxLength(1000).IsRequired();
        builder.HasIndex(i => new { i.UploadId, i.Row });
        builder.HasOne<Upload>().WithMany().HasForeignKey(i => i.UploadId).OnDelete(DeleteBehavior.Cascade);
    }
}
