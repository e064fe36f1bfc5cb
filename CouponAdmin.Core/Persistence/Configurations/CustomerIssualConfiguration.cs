using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class CustomerIssualConfiguration : IEntityTypeConfiguration<CustomerIssual>
{
    public void Configure(EntityTypeBuilder<CustomerIssual> builder) =>
        builder.HasKey(c => new { c.OfferId, c.CustomerId });
}
