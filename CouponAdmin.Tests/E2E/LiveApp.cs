using CouponAdmin.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.E2E;

/// <summary>The real app with the demo org and admin, served by Kestrel on a free loopback port for a browser.</summary>
public sealed class LiveApp : IDisposable
{
    private readonly DemoFactory _factory = new();

    public LiveApp()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        BaseUrl = addresses.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address.");
    }

    public string BaseUrl { get; }

    public IServiceProvider Services => _factory.Services;

    public void Dispose() => _factory.Dispose();

    public const string UserPassword = "journey-pass-2026";

    /// <summary>An account with one role, as an admin would create it; returns its e-mail (password <see cref="UserPassword"/>).</summary>
    public async Task<string> UserAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}@journey.example";
        await Services.EnsureAsync(email, UserPassword, role);
        return email;
    }

    /// <summary>
    /// Outside Development, MapStaticAssets serves only published output; a browser also needs blazor.web.js and
    /// MudBlazor's files from the build output, so the test host turns static web assets on as Development does.
    /// </summary>
    private sealed class DemoFactory() : CouponAdminFactory(seedDemo: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseStaticWebAssets();
        }
    }
}
