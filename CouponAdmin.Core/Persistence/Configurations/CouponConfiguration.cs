using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence.Dialects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

/// <summary>
/// Coupons and their look-up indexes. The partial indexes' filters name booleans in the provider's own literal (SQLite's
/// <c>1</c>, PostgreSQL's <c>TRUE</c>): SQLite uses a partial index only when a query repeats its filter term for term, and
/// the statements write the same literal (docs/decisions.md, "PostgreSQL"). Applied by the context with its dialect.
/// </summary>
internal sealed class CouponConfiguration(ISqlDialect dialect) : IEntityTypeConfiguration<Coupon>
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
        builder.HasIndex(c => new { c.Code, c.TransferSeq }, "IX_Coupons_Code_Uploaded").IsUnique().HasFilter($"\"CodeSpaceId\" IS NULL AND \"IsShared\" = {dialect.Bool(false)}");
        builder.HasIndex(c => c.Code, "IX_Coupons_Code_Shared").HasFilter($"\"IsShared\" = {dialect.Bool(true)}");
        // A customer's coupons (of one offer, or all); an offer's coupons by status (the uploaded pool, revocation).
        builder.HasIndex(c => new { c.CustomerId, c.OfferId });
        builder.HasIndex(c => new { c.OfferId, c.Status });
        // Expiry reminders scan an offer's coupons by expiry range. Partial on the expiry alone, so coupons that never
        // expire cost nothing and bulk inserts of one offer and one expiry append to it in order. Not on the status: a
        // condition on a column an UPDATE sets makes SQLite rewrite the entry, and every first redemption sets it
        // (docs/architecture.md, "Redeeming"); the scan checks the status on the row.
        builder.HasIndex(c => new { c.OfferId, c.ExpiresAt }, "IX_Coupons_Reminders").HasFilter("\"ExpiresAt\" IS NOT NULL");
        builder.HasOne<Offer>().WithMany().HasForeignKey(c => c.OfferId).OnDelete(DeleteBehavior.Restrict);
    }
}
