using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(Coupon.MaxCodeLength).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        // Generated codes are unique by construction and found through their permutation index; only uploaded
        // codes (unique in the org) and common codes (shared) are looked up by their text. A transfer adds the code's
        // next coupon (TransferSeq + 1), so each key admits one coupon per holder change.
        builder.HasIndex(c => new { c.CodeSpaceId, c.CodeIndex, c.TransferSeq }).IsUnique().HasFilter("\"CodeSpaceId\" IS NOT NULL");
        builder.HasIndex(c => new { c.Code, c.TransferSeq }, "IX_Coupons_Code_Uploaded").IsUnique().HasFilter("\"CodeSpaceId\" IS NULL AND \"IsShared\" = 0");
        builder.HasIndex(c => c.Code, "IX_Coupons_Code_Shared").HasFilter("\"IsShared\" = 1");
        // A customer's coupons (of one offer, or all); an offer's coupons by status (the uploaded pool, revocation).
        builder.HasIndex(c => new { c.CustomerId, c.OfferId });
        builder.HasIndex(c => new { c.OfferId, c.Status });
        // Expiry reminders scan an offer's coupons that can still be used by expiry range. Partial, so unissued pools and
        // revoked coupons cost nothing; bulk inserts of one offer and one expiry append to it in order.
        builder.HasIndex(c => new { c.OfferId, c.ExpiresAt }, "IX_Coupons_Reminders").HasFilter("\"Status\" IN ('Issued', 'Redeemed')");
        builder.HasOne<Offer>().WithMany().HasForeignKey(c => c.OfferId).OnDelete(DeleteBehavior.Restrict);
    }
}

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

internal sealed class HeldCodeIndexConfiguration : IEntityTypeConfiguration<HeldCodeIndex>
{
    public void Configure(EntityTypeBuilder<HeldCodeIndex> builder)
    {
        builder.HasKey(h => new { h.SpaceId, h.CodeIndex });
        builder.Property(h => h.Code).HasMaxLength(Coupon.MaxCodeLength).IsRequired();
        builder.HasOne<GeneratedCodeSpace>().WithMany().HasForeignKey(h => h.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OfferCounterConfiguration : IEntityTypeConfiguration<OfferCounter>
{
    public void Configure(EntityTypeBuilder<OfferCounter> builder)
    {
        builder.HasKey(c => c.OfferId);
        builder.Property(c => c.OfferId).ValueGeneratedNever();
        builder.HasOne<Offer>().WithOne().HasForeignKey<OfferCounter>(c => c.OfferId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerIssualConfiguration : IEntityTypeConfiguration<CustomerIssual>
{
    public void Configure(EntityTypeBuilder<CustomerIssual> builder) =>
        builder.HasKey(c => new { c.OfferId, c.CustomerId });
}

internal sealed class AudienceMemberConfiguration : IEntityTypeConfiguration<AudienceMember>
{
    public void Configure(EntityTypeBuilder<AudienceMember> builder) =>
        builder.HasKey(a => new { a.OfferId, a.CustomerId });
}

internal sealed class IssualAlertConfiguration : IEntityTypeConfiguration<IssualAlert>
{
    public void Configure(EntityTypeBuilder<IssualAlert> builder)
    {
        builder.HasKey(a => new { a.OfferId, a.TotalLimit, a.Threshold });
    }
}

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
