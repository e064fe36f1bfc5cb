using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using CouponAdmin.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace CouponAdmin.Tests.Support;

/// <summary>
/// The real web host on a temporary SQLite file — or, on the PostgreSQL leg (<see cref="TestPostgres"/>), a database of
/// its own named after <see cref="DataFolder"/> — with a bootstrap API key. <see cref="SeedDemo"/> adds the demo org,
/// data and the demo admin (admin@demo.local / demo-admin-2026) as in Development. Set <see cref="DataFolder"/> to
/// start on an existing database, and <see cref="KeepDataFolder"/> to leave it behind for the next host (restart tests).
/// </summary>
public class CouponAdminFactory : WebApplicationFactory<Program>
{
    /// <summary>The bootstrap key tests call with: 24 characters or more, as every environment but Development requires.</summary>
    public const string ApiKey = "test-bootstrap-key-0123456789";
    public const string AdminEmail = "admin@demo.local";
    public const string AdminPassword = "demo-admin-2026";

    private string? _folder;

    // xUnit builds a class fixture through its only public constructor and cannot fill optional parameters,
    // so the public one takes none; seeded subclasses pass the flag to the protected one.
    public CouponAdminFactory()
    {
    }

    protected CouponAdminFactory(bool seedDemo) => SeedDemo = seedDemo;

    public bool SeedDemo { get; init; }

    /// <summary>Where the SQLite file lives: a new temp folder unless set to an existing one.</summary>
    public string DataFolder
    {
        get => _folder ??= Directory.CreateTempSubdirectory("couponadmin-web-").FullName;
        init => _folder = value;
    }

    /// <summary>The configured <c>Api:BootstrapKey</c>; null configures none.</summary>
    public string? BootstrapKey { get; init; } = ApiKey;

    /// <summary>
    /// <c>Security:RequireHttps</c>: false (the tests speak plain http), true for production's cookies and HSTS, null to
    /// leave it to the environment's default.
    /// </summary>
    public bool? RequireHttps { get; init; } = false;

    /// <summary>More configuration for this host (e.g. <c>Accounts:LockoutDuration</c>), applied last.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>When true, disposing leaves <see cref="DataFolder"/> and its database in place.</summary>
    public bool KeepDataFolder { get; init; }

    public string DatabasePath => Path.Combine(DataFolder, "couponadmin.db");

    /// <summary>
    /// The database this host runs on: the SQLite file in <see cref="DataFolder"/>, or on the PostgreSQL leg the database
    /// named after the folder, so a folder handed to the next host (restart tests, a second node) hands over its database.
    /// </summary>
    public CouponDatabase Database => TestPostgres.Enabled
        ? new CouponDatabase(DatabaseProvider.Postgres, TestPostgres.ConnectionString(PostgresName))
        : new CouponDatabase(DatabaseProvider.Sqlite, $"Data Source={DatabasePath}");

    /// <summary>An open connection outside EF, to look at or change what the app wrote as the database holds it.</summary>
    public DbConnection OpenConnection() => new CouponDatabase(Database.Provider, Database.Provider == DatabaseProvider.Sqlite
        ? $"Data Source={DatabasePath};Pooling=False"
        : Database.ConnectionString).OpenConnection();

    private string PostgresName =>
        $"{TestPostgres.DatabasePrefix}{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DataFolder)))[..32]}";

    public HttpClient CreateApiClient(string? apiKey = ApiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (TestPostgres.Enabled)
        {
            if (!TestPostgres.Exists(PostgresName))
            {
                TestPostgres.CreateMigrated(PostgresName);
            }

            // Files stay in the data folder, as they do beside the SQLite file.
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Uploads:Folder", Path.Combine(DataFolder, "uploads"));
            builder.UseSetting("Notifications:MailFolder", Path.Combine(DataFolder, "mail"));
        }

        builder.UseSetting("ConnectionStrings:CouponAdmin", Database.ConnectionString);
        builder.UseSetting("Api:BootstrapKey", BootstrapKey ?? "");
        builder.UseSetting("Demo:Seed", SeedDemo ? "true" : "false");
        if (RequireHttps is { } requireHttps)
        {
            builder.UseSetting("Security:RequireHttps", requireHttps ? "true" : "false");
        }

        builder.UseSetting("Demo:AdminEmail", AdminEmail);
        builder.UseSetting("Demo:AdminPassword", AdminPassword);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            if (KeepDataFolder || _folder is null)
            {
                return;
            }

            if (TestPostgres.Enabled)
            {
                TestPostgres.Drop(PostgresName);
            }

            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
        }
    }
}
