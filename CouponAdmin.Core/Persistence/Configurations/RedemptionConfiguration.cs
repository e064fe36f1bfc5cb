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
        // One redemption per code and POS transaction while it stands; a reversal frees the transaction id.
        builder.HasIndex(r => new { r.OfferId, r.Code, r.TransactionId }).IsUnique().HasFilter($"\"Active\" = {dialect.Bool(true)}");
        builder.HasOne<Coupon>().WithMany().HasForeignKey(r => r.CouponId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustomerCodeRedemptionConfiguration : IEntityTypeConfiguration<CustomerCodeRedemption>
{
    public void Configure(EntityTypeBuilder<CustomerCodeRedemption> builder)
    {
        builder.HasKey(c => new { c.OfferId, c.Code, c.CustomerId });
        builder.Property(c => c.Code).HasMaxLength(Coupon.MaxCodeLength);
    }
}

internal sealed class CustomerOfferRedemptionConfiguration : IEntityTypeConfiguration<CustomerOfferRedemption>
{
    public void Configure(EntityTypeBuilder<CustomerOfferRedemption> builder) =>
        builder.HasKey(c => new { c.OfferId, c.CustomerId });
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => new { r.Scope, r.Key });
        builder.Property(r => r.Scope).HasMaxLength(IdempotencyRecord.MaxScopeLength);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Outcome).IsRequired();
    }
}
