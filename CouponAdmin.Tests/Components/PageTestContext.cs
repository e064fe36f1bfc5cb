using Bunit;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Core.Revocation;
using CouponAdmin.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CouponAdmin.Tests.Components;

/// <summary>
/// A bunit context with MudBlazor and the real Core services over a migrated SQLite file. xunit 2 only calls
/// <c>Dispose</c>, and MudBlazor registers services that can only be disposed asynchronously, so disposal goes
/// through <see cref="IAsyncLifetime"/>.
/// </summary>
public abstract class PageTestContext : BunitContext, IAsyncLifetime
{
    protected static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(10);

    private bool _popoverProviderRendered;

    protected PageTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IDbContextFactory<CouponDbContext>>(Database);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<OfferQueries>();
        Services.AddSingleton<CreateOffer>();
        Services.AddSingleton<ChangeOfferStatus>();
        Services.AddSingleton<DuplicateOffer>();
        Services.AddSingleton<RevokeCoupons>();
        Services.AddSingleton<RevokeCoupon>();
        Services.AddSingleton<TransferCoupon>();
        Services.AddSingleton<ReverseRedemption>();
        Services.AddSingleton<IssueCoupon>();
        Services.AddSingleton(Core.Notifications.NotificationOptions.Default);
        Services.AddSingleton<Core.Notifications.IOutboxSignal>(Core.Notifications.NoOutboxSignal.Instance);
        Services.AddSingleton<Core.Notifications.ResendCoupon>();
        Services.AddSingleton<CouponAdmin.Core.Reporting.OfferFigures>();
        Services.AddSingleton<CouponAdmin.Core.Reporting.Dashboard>();
        Services.AddSingleton<RedeemCoupon>();
        Services.AddSingleton<ValidateCoupon>();
        Services.AddSingleton<CouponQueries>();
        Services.AddSingleton<OrgSetup>();
        Services.AddSingleton<UpdateOrgEntity>();
        Services.AddSingleton<RemoveExchangeRate>();
        Services.AddSingleton<OrgEntityListFile>();
        Services.AddSingleton<CustomerDirectory>();
        Services.AddSingleton<DemoData>();
    }

    protected TestDatabase Database { get; } = new();

    /// <summary>Renders a page, with the popover provider its selects and menus need rendered once beside it.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        if (!_popoverProviderRendered)
        {
            Render<MudPopoverProvider>();
            _popoverProviderRendered = true;
        }

        return Render(parameters);
    }

    /// <summary>Seeds the three demo offers: two active, one draft.</summary>
    protected async Task SeedDemoAsync() => await Services.GetRequiredService<DemoData>().SeedIfEmptyAsync();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Database.Dispose();
    }
}
