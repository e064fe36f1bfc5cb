using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace CouponAdmin.Tests.Support;

/// <summary>
/// The real web host on a temporary SQLite file, with a bootstrap API key. <c>seedDemo</c> adds the demo org,
/// data and the demo admin (admin@demo.local / demo-admin-2026) as in Development.
/// </summary>
public class CouponAdminFactory(bool seedDemo = false) : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-bootstrap-key";
    public const string AdminEmail = "admin@demo.local";
    public const string AdminPassword = "demo-admin-2026";

    private readonly string _folder = Directory.CreateTempSubdirectory("couponadmin-web-").FullName;

    public string DataFolder => _folder;

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
        builder.UseSetting("ConnectionStrings:CouponAdmin", $"Data Source={Path.Combine(_folder, "couponadmin.db")}");
        builder.UseSetting("Api:BootstrapKey", ApiKey);
        builder.UseSetting("Demo:Seed", seedDemo ? "true" : "false");
        builder.UseSetting("Demo:AdminEmail", AdminEmail);
        builder.UseSetting("Demo:AdminPassword", AdminPassword);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
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
