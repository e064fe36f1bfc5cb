using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CouponAdmin.Migrations.Postgres;

/// <summary>
/// Lets <c>dotnet ef migrations add … --project CouponAdmin.Migrations.Postgres --startup-project
/// CouponAdmin.Migrations.Postgres</c> build the PostgreSQL model without a server or the web host (adding a migration
/// never connects; the connection string only names the provider).
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CouponDbContext>
{
    public CouponDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CouponDbContext>().UseCouponPostgres("Host=localhost;Database=couponadmin_design").Options);
}
