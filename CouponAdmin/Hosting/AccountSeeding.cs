using CouponAdmin.Core.Access;

namespace CouponAdmin.Hosting;

/// <summary>A sign-in start-up made and prints.</summary>
internal sealed record DemoSignIn(string Email, string Password, string Role);

/// <summary>
/// Accounts made at start-up: the admin named by <c>Bootstrap:AdminEmail</c> / <c>Bootstrap:AdminPassword</c>, and
/// with <c>Demo:Seed</c> one demo user per role, so each role can be tried at once.
/// </summary>
internal static class AccountSeeding
{
    public const string DemoAdminEmail = "admin@demo.local";
    public const string DemoAdminPassword = "demo-admin-2026";

    /// <summary>The demo users besides the admin (whose sign-in <c>Demo:AdminEmail</c> / <c>Demo:AdminPassword</c> may change).</summary>
    public static IReadOnlyList<DemoSignIn> DemoRoleUsers { get; } =
    [
        new("marketer@demo.local", "demo-marketer-2026", Roles.Marketer),
        new("support@demo.local", "demo-support-2026", Roles.Support),
        new("ops@demo.local", "demo-ops-2026", Roles.Ops),
    ];

    /// <summary>
    /// Creates the configured admin when no account has that e-mail; an existing one is left as the app changed it
    /// (so a password changed in the app is not put back at every start). A half or invalid configuration stops start-up.
    /// </summary>
    public static async Task CreateBootstrapAdminAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var email = configuration["Bootstrap:AdminEmail"];
        if (string.IsNullOrWhiteSpace(email))
        {
            return;
        }

        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException($"Bootstrap:AdminEmail is set to {email} but Bootstrap:AdminPassword is empty: set both, or neither.");
        }

        var created = await services.GetRequiredService<EnsureAccount>().CreateIfMissingAsync(new AccountSeed(email, "Administrator", password, [Roles.Admin]));
        if (!created.IsSuccess)
        {
            throw new InvalidOperationException($"The admin from Bootstrap:AdminEmail ({email}) could not be created: {created.Error.Message}");
        }

        if (created.Value)
        {
            logger.LogInformation("Created the admin account {Email} from Bootstrap:AdminEmail.", email.Trim());
        }
    }

    /// <summary>Creates or puts back the demo admin and one user per role; returns their sign-ins to print.</summary>
    public static async Task<IReadOnlyList<DemoSignIn>> ResetDemoUsersAsync(IServiceProvider services, IConfiguration configuration)
    {
        var admin = new DemoSignIn(configuration["Demo:AdminEmail"] ?? DemoAdminEmail, configuration["Demo:AdminPassword"] ?? DemoAdminPassword, Roles.Admin);
        List<DemoSignIn> signIns = [admin, .. DemoRoleUsers];
        var accounts = services.GetRequiredService<EnsureAccount>();
        foreach (var user in signIns)
        {
            var reset = await accounts.ResetAsync(new AccountSeed(user.Email, $"Demo {user.Role.ToLowerInvariant()}", user.Password, [user.Role]));
            if (!reset.IsSuccess)
            {
                throw new InvalidOperationException($"The demo user {user.Email} could not be set up: {reset.Error.Message}");
            }
        }

        return signIns;
    }
}
