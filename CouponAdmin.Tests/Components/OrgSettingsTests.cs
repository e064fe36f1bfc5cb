using Bunit;
using CouponAdmin.Components.Pages.Settings;
using CouponAdmin.Core.Access;
using CouponAdmin.Core.Org;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CouponAdmin.Tests.Components;

/// <summary>Settings › Organisation is editable: the org's zone and currency, the org tree and exchange rates, by Core's rules.</summary>
public sealed class OrgSettingsTests : PageTestContext
{
    public OrgSettingsTests() => AddAuthorization().SetAuthorized("ann@shop.example").SetRoles(Roles.Admin);

    [Fact]
    public async Task AStoreIsRenamedInItsDialogAndTheGridShowsTheNewName()
    {
        await SeedDemoAsync();
        var dialogs = Render<MudDialogProvider>();
        var panel = RenderPage<OrgPanel>();
        panel.WaitForAssertion(() => panel.Find("button[aria-label='Edit Store S-DEL-02']"), LoadTimeout);

        panel.Find("button[aria-label='Edit Store S-DEL-02']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input#entity-name"), LoadTimeout);
        Assert.True(dialogs.Find("input#entity-id").HasAttribute("disabled"), "The id names the store everywhere, so it cannot change.");
        dialogs.Find("input#entity-name").Change("Delhi Saket Mall");
        dialogs.Find("#entity-save").Click();

        panel.WaitForAssertion(() => Assert.Contains("Delhi Saket Mall", panel.Find("#entities-grid").TextContent, StringComparison.Ordinal), LoadTimeout);
        var saved = (await Services.GetRequiredService<OrgSetup>().ListEntitiesAsync(OrgEntityType.Store)).Single(e => e.EntityId == "S-DEL-02");
        Assert.Equal(("Delhi Saket Mall", "Z-NORTH"), (saved.Name, saved.ParentId));
    }

    [Fact]
    public async Task AnUnknownTimeZoneIsRefusedWithCoresMessageNextToTheField()
    {
        await SeedDemoAsync();
        var form = RenderPage<OrgSettingsForm>();
        form.WaitForAssertion(() => form.Find("input#org-currency"), LoadTimeout);

        form.Find("input#org-currency").Change("usd");
        form.FindComponent<MudAutocomplete<string>>().Find("input").Input("Mars/Olympus");
        form.FindComponent<MudAutocomplete<string>>().Find("input").Blur();
        form.Find("#org-save").Click();

        form.WaitForAssertion(() => Assert.Contains("'Mars/Olympus' is not a known time zone", form.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal("INR", (await Services.GetRequiredService<OrgSetup>().GetSettingsAsync()).BaseCurrency);
    }
}
