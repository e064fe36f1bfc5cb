using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class IssualAlertConfiguration : IEntityTypeConfiguration<IssualAlert>
{
    public void Configure(EntityTypeBuilder<IssualAlert> builder)
    {
        builder.HasKey(a => new { a.OfferId, a.TotalLimit, a.Threshold });
    }
}
