using Bunit;
using CouponAdmin.Components.Pages.Settings;
using CouponAdmin.Core.Access;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Components;

/// <summary>Settings › API keys names every key by its public id; nothing of a secret is shown after the one time it is created.</summary>
public sealed class ApiKeysPanelTests : PageTestContext
{
    public ApiKeysPanelTests()
    {
        Services.AddSingleton<ApiKeyService>();
    }

    [Fact]
    public async Task TheListShowsEachKeysPublicIdAndNoPartOfItsSecret()
    {
        var created = await Services.GetRequiredService<ApiKeyService>().CreateAsync("Till 4", [ApiScopes.Redeem]);

        var panel = RenderPage<ApiKeysPanel>();

        panel.WaitForAssertion(() =>
        {
            var row = panel.FindAll("tbody tr").Single(r => r.TextContent.Contains("Till 4", StringComparison.Ordinal));
            Assert.Contains(created.Key.PublicId, row.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(created.Value[..8], panel.Markup, StringComparison.Ordinal);
        }, LoadTimeout);
    }
}
