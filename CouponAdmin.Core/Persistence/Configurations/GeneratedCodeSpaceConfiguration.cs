using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class GeneratedCodeSpaceConfiguration : IEntityTypeConfiguration<GeneratedCodeSpace>
{
    public void Configure(EntityTypeBuilder<GeneratedCodeSpace> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.FormatKey).HasMaxLength(80).IsRequired();
        builder.Property(s => s.FixedText).HasMaxLength(20).IsRequired();
        builder.Property(s => s.Alphabet).HasMaxLength(64).IsRequired();
        builder.Property(s => s.PermutationKey).HasMaxLength(GeneratedCodeSpace.KeySize).IsRequired();
        builder.HasIndex(s => s.FormatKey).IsUnique();
    }
}
