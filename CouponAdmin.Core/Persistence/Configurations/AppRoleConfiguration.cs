using CouponAdmin.Core.Access;
using CouponAdmin.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CouponAdmin.Core.Persistence.Configurations;

/// <summary>The four roles exist in every database (fixed ids), so accounts can be given them from the first start.</summary>
internal sealed class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> builder) =>
        builder.HasData(Roles.All.Select((name, i) => new AppRole
        {
            Id = i + 1,
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = $"role-{name.ToLowerInvariant()}",
        }));
}
