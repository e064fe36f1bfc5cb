using CouponAdmin.Api;
using CouponAdmin.Components;
using CouponAdmin.Hosting;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCouponAdminCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddCouponAdminApi();
builder.Services.AddPosRateLimit(builder.Configuration);
builder.Services.AddCouponAdminNotifications(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddCouponAdminJobs();
builder.Services.AddCouponAdminSignIn();
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
await app.PrepareAsync();
await app.RequeueUnfinishedAsync();
app.ScheduleRecurringJobs();

app.UseCouponAdminApiErrors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapCouponAdminApi();
app.MapAccountEndpoints();
app.MapUploadDownloads();
app.MapJobsDashboard();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
