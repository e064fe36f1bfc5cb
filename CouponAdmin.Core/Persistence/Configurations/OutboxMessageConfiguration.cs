using CouponAdmin.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Key).HasMaxLength(OutboxMessage.MaxKeyLength).IsRequired();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Recipient).HasMaxLength(OutboxMessage.MaxRecipientLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.MaxSubjectLength);
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxDetailLength);
        builder.Property(m => m.Note).HasMaxLength(OutboxMessage.MaxDetailLength);
        builder.Property(m => m.ClaimToken).HasMaxLength(32);
        builder.Property(m => m.CreatedBy).HasMaxLength(254).IsRequired();
        // The key is the guard against writing a message twice (INSERT … ON CONFLICT DO NOTHING); it also answers
        // "resends of this coupon" as a key range, so no index on CouponId is needed.
        builder.HasIndex(m => m.Key).IsUnique();
        // Delivery claims due messages: pending ones whose attempt is due and sending ones whose claim lapsed.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
