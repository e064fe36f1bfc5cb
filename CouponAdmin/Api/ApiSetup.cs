using CouponAdmin.Core.Common;

namespace CouponAdmin.Api;

internal static class ApiSetup
{
    /// <summary>
    /// The largest JSON body an /api call may send. The biggest valid one, an offer at every limit of its settings
    /// (10,000 org entities with 64-character ids, 1,000 products…), is about 1 MB; uploads set their own, larger limit.
    /// </summary>
    public const long MaxJsonBodyBytes = 2 * 1024 * 1024;

    public static readonly string TooLargeMessage = $"The request body is larger than the {MaxJsonBodyBytes / (1024 * 1024)} MB an API call may send.";

    public static IServiceCollection AddCouponAdminApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            CouponJson.Configure(o.SerializerOptions);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, PosJson.Default);
        });
        services.AddOpenApi();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Unreadable bodies throw, so ApiExceptionHandler can name the field instead of a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Every API error carries a stable code, including the framework's own 400/404/405.
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                ctx.ProblemDetails.Extensions["code"] = ApiResults.CodeForStatus(ctx.ProblemDetails.Status ?? 500);
            }

            if (ctx.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge)
            {
                ctx.ProblemDetails.Detail ??= TooLargeMessage;
            }

            if (ctx.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                ctx.ProblemDetails.Detail ??= $"Send the body as JSON (Content-Type: application/json), not '{ctx.HttpContext.Request.ContentType ?? "no content type"}'.";
            }
        });
        return services;
    }

    /// <summary>API responses without a body become problem details; UI paths keep the Blazor not-found page.</summary>
    public static WebApplication UseCouponAdminApiErrors(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui =>
        {
            if (!app.Environment.IsDevelopment())
            {
                ui.UseExceptionHandler("/Error", createScopeForErrors: true);
            }

            ui.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        return app;
    }

    public static WebApplication MapCouponAdminApi(this WebApplication app)
    {
        app.MapOpenApi();
        var v1 = app.MapGroup("/api/v1").WithApiKey()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxJsonBodyBytes));
        v1.MapOrgApi();
        v1.MapCustomersApi();
        v1.MapOffersApi();
        v1.MapCouponsApi();
        v1.MapResendApi();
        v1.MapBulkIssueApi();
        v1.MapRedemptionApi();
        v1.MapInstoreApi();
        v1.MapUploadsApi(app.Services.GetRequiredService<CouponAdmin.Core.Uploads.UploadStore>().Options.MaxFileBytes);
        return app;
    }
}
