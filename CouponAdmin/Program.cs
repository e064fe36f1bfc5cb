using CouponAdmin.Api;
using CouponAdmin.Components;
using CouponAdmin.Hosting;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCouponAdminCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddCouponAdminApi();
builder.Services.AddCouponAdminHealth();
builder.Services.AddPosRateLimit(builder.Configuration);
builder.Services.AddCouponAdminNotifications(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddCouponAdminJobs();
builder.Services.AddCouponAdminDataProtection();
builder.Services.AddCouponAdminSignIn(builder.Configuration);
builder.Services.AddTransportSecurity(builder.Configuration, builder.Environment);
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
if (await app.RanCommandAsync(args))
{
    return;
}

await app.PrepareAsync();
await app.RequeueUnfinishedAsync();
app.ScheduleRecurringJobs();

app.UseTransportSecurity();
app.UseCouponAdminApiErrors();
// Routing after the status-code pages, so a 404 re-executed as /not-found is routed again and renders our page.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapCouponAdminHealth();
app.MapCouponAdminApi();
app.MapAccountEndpoints();
app.MapUploadDownloads();
app.MapAuditDownloads();
app.MapJobsDashboard();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
