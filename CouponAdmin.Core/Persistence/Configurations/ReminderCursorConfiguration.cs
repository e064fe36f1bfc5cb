using CouponAdmin.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

internal sealed class ReminderCursorConfiguration : IEntityTypeConfiguration<ReminderCursor>
{
    public void Configure(EntityTypeBuilder<ReminderCursor> builder)
    {
        builder.HasKey(c => new { c.OfferId, c.ReminderKey });
        builder.Property(c => c.ReminderKey).HasMaxLength(40);
    }
}
