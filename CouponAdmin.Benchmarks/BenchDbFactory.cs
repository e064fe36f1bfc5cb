using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Benchmarks;

internal sealed class BenchDbFactory(string connectionString) : IDbContextFactory<CouponDbContext>
{
    public CouponDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<CouponDbContext>().UseCouponSqlite(connectionString).Options);
}
