using CouponAdmin.Core.Access;
using CouponAdmin.Core.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Hosting;

/// <summary>What runs once before the app serves: migrations, WAL, the bootstrap key (checked, then synced), the bootstrap admin, and demo data and users in Development.</summary>
internal static class Startup
{
    public static async Task PrepareAsync(this WebApplication app)
    {
        var services = app.Services;
        var config = app.Configuration;
        // A short key chosen by hand is guessable; Development keeps its well-known demo key.
        if (!app.Environment.IsDevelopment() && ApiKeyService.BootstrapKeyProblem(config["Api:BootstrapKey"]) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        await using (var db = await services.GetRequiredService<IDbContextFactory<CouponDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            await SqliteSetup.EnableWalAsync(db);
            await Core.Codes.CodeSpaces.ClaimCommonCodesAsync(db, CancellationToken.None);
        }

        // Also when none is configured: a bootstrap key removed from the configuration must stop working.
        await services.GetRequiredService<ApiKeyService>().SyncBootstrapKeyAsync(config["Api:BootstrapKey"]);

        await AccountSeeding.CreateBootstrapAdminAsync(services, config, app.Logger);
        if (config.GetValue("Demo:Seed", false))
        {
            var seeded = await services.GetRequiredService<DemoData>().SeedIfEmptyAsync();
            var signIns = await AccountSeeding.ResetDemoUsersAsync(services, config);
            app.Lifetime.ApplicationStarted.Register(() => PrintSignIns(app, signIns, seeded));
        }
    }

    private static void PrintSignIns(WebApplication app, IReadOnlyList<DemoSignIn> signIns, bool seeded)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "(see --urls)";
        Console.WriteLine();
        Console.WriteLine($"  CouponAdmin is running at {url}{(seeded ? " (demo org and data were just created)" : "")}");
        foreach (var signIn in signIns)
        {
            Console.WriteLine($"  Sign in as {signIn.Email} with password {signIn.Password} ({signIn.Role})");
        }

        Console.WriteLine();
    }
}
