using CouponAdmin.Core.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.HasKey(c => c.UserId);
        builder.Property(c => c.UserId).ValueGeneratedNever();
        builder.Property(c => c.ExternalId).HasMaxLength(CustomerIdentifiers.MaxExternalIdLength);
        builder.Property(c => c.Mobile).HasMaxLength(16);
        builder.Property(c => c.Email).HasMaxLength(CustomerIdentifiers.MaxEmailLength);
        builder.Property(c => c.Name).HasMaxLength(Customer.MaxNameLength);
        builder.HasIndex(c => c.ExternalId).IsUnique();
        builder.HasIndex(c => c.Mobile).IsUnique();
        builder.HasIndex(c => c.Email).IsUnique();
    }
}
