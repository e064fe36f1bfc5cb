using CouponAdmin.Core.Access;
using CouponAdmin.Core.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Hosting;

/// <summary>What runs once before the app serves: migrations (with WAL and the data fix-ups), the bootstrap key (checked, then synced), the bootstrap admin, and demo data and users in Development.</summary>
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

        if (config.GetValue("Database:MigrateAtStartup", true))
        {
            await app.MigrateDatabaseAsync();
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

    /// <summary>
    /// The schema and its data fix-ups, by one node at a time (docs/operations.md): at start-up, or by the <c>migrate</c>
    /// command when nodes start with <c>Database:MigrateAtStartup=false</c>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateDatabaseAsync(this WebApplication app) =>
        await DatabaseMigration.MigrateAsync(app.Services.GetRequiredService<IDbContextFactory<CouponDbContext>>(),
            Core.Codes.CodeSpaces.ClaimCommonCodesAsync);

    /// <summary>
    /// <c>migrate</c> on the command line: migrate the configured database, say what was applied, and exit without serving.
    /// </summary>
    public static async Task<bool> RanCommandAsync(this WebApplication app, string[] args)
    {
        if (args is not ["migrate", ..])
        {
            return false;
        }

        var database = app.Services.GetRequiredService<CouponDatabase>();
        var applied = await app.MigrateDatabaseAsync();
        Console.WriteLine(applied.Count == 0
            ? $"The {database.Provider} database is up to date; no migration was pending."
            : $"Applied {applied.Count} migration(s) to the {database.Provider} database: {string.Join(", ", applied)}.");
        return true;
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
