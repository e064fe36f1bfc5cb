using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Core.Persistence.Dialects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

/// <summary>Redemptions; the one-per-POS-transaction index's filter is written in the provider's boolean literal (see <see cref="CouponConfiguration"/>).</summary>
internal sealed class RedemptionConfiguration(ISqlDialect dialect) : IEntityTypeConfiguration<CouponRedemption>
{
    public void Configure(EntityTypeBuilder<CouponRedemption> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Code).HasMaxLength(Coupon.MaxCodeLength).IsRequired();
        builder.Property(r => r.StoreId).HasMaxLength(64);
        builder.Property(r => r.TillId).HasMaxLength(64);
        builder.Property(r => r.Currency).HasMaxLength(3).IsRequired();
        builder.Property(r => r.TransactionId).HasMaxLength(CouponRedemption.MaxTransactionIdLength).IsRequired();
        builder.Property(r => r.Actor).HasMaxLength(CouponRedemption.MaxActorLength);
        builder.HasIndex(r => new { r.CouponId, r.Id });
        builder.HasIndex(r => new { r.CustomerId, r.OfferId });
        // One redemption per code and POS transaction while it stands; a reversal frees the transaction id. The transaction
        // id comes before the code: a till's ids follow one another, so a batch of redemptions touches a few pages of this
        // index, where random codes touched one page each.
        builder.HasIndex(r => new { r.OfferId, r.TransactionId, r.Code }).IsUnique().HasFilter($"\"Active\" = {dialect.Bool(true)}");
        builder.HasOne<Coupon>().WithMany().HasForeignKey(r => r.CouponId).OnDelete(DeleteBehavior.Restrict);
    }
}
