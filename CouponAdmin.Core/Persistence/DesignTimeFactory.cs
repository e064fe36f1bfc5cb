using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CouponAdmin.Core.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CouponDbContext>
{
    public CouponDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CouponDbContext>().UseCouponSqlite("Data Source=design.db").Options);
}
