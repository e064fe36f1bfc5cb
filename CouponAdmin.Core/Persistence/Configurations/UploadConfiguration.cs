using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class UploadConfiguration : IEntityTypeConfiguration<Upload>
{
    public void Configure(EntityTypeBuilder<Upload> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(u => u.FileName).HasMaxLength(Upload.MaxFileNameLength).IsRequired();
        builder.Property(u => u.StoredName).HasMaxLength(80).IsRequired();
        builder.Property(u => u.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(u => u.Encoding).HasMaxLength(24);
        builder.Property(u => u.ErrorCode).HasMaxLength(64);
        builder.Property(u => u.Error).HasMaxLength(2000);
        builder.Property(u => u.RequestedBy).HasMaxLength(254);
        builder.HasIndex(u => u.Status);
        builder.HasIndex(u => new { u.OfferId, u.Id });
        builder.HasOne<Offer>().WithMany().HasForeignKey(u => u.OfferId).OnDelete(DeleteBehavior.Restrict);
    }
}
