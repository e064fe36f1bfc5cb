using CouponAdmin.Core.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CouponAdmin.Hosting;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database is reachable and every migration is
/// applied), for load balancers and orchestrators: anonymous, and the answer is only "Healthy" or "Unhealthy".
/// </summary>
internal static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddCouponAdminHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<CouponDbContext>("database", tags: [Ready])
            .AddCheck<MigrationsApplied>("migrations", tags: [Ready]);
        return services;
    }

    public static WebApplication MapCouponAdminHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    private sealed class MigrationsApplied(IDbContextFactory<CouponDbContext> dbFactory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied.");
        }
    }
}
