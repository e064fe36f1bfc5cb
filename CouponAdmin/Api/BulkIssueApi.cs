using CouponAdmin.Core.Access;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CouponAdmin.Api;

internal static class BulkIssueApi
{
    public sealed record BulkIssueBody(DateOnly? RegisteredFrom, DateOnly? RegisteredTo);

    public sealed record BulkIssueResponse(long RunId, long OfferId, BulkIssueStatus Status, long Considered, long Issued, long Refused,
        DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? Error);

    public static void MapBulkIssueApi(this RouteGroupBuilder api)
    {
        api.MapPost("/offers/{id:long}/bulk-issue", async Task<Results<Accepted<BulkIssueResponse>, ProblemHttpResult>> (long id, BulkIssueBody? body,
            BulkIssue bulk, IBackgroundJobClient jobs, HttpContext http, CancellationToken ct) =>
        {
            var started = await bulk.StartAsync(new BulkIssueRequest(id, body?.RegisteredFrom, body?.RegisteredTo), http.Actor(), ct);
            if (!started.IsSuccess)
            {
                return ApiResults.Problem(started.Error);
            }

            var run = started.Value;
            jobs.Enqueue<BulkIssueJob>(j => j.RunAsync(run.Id, CancellationToken.None));
            return TypedResults.Accepted($"/api/v1/bulk-issues/{run.Id}", ToResponse(run));
        }).WithTags("Coupons").RequireScope(ApiScopes.Admin);

        api.MapGet("/bulk-issues/{runId:long}", async Task<Results<Ok<BulkIssueResponse>, ProblemHttpResult>> (long runId, BulkIssue bulk, CancellationToken ct) =>
            await bulk.GetAsync(runId, ct) is { } run
                ? TypedResults.Ok(ToResponse(run))
                : ApiResults.Problem(StatusCodes.Status404NotFound, "NOT_FOUND", $"There is no bulk issuance {runId}."))
            .WithTags("Coupons").RequireScope(ApiScopes.Admin);
    }

    private static BulkIssueResponse ToResponse(BulkIssueRun r) =>
        new(r.Id, r.OfferId, r.Status, r.Considered, r.Issued, r.Considered - r.Issued, r.CreatedAt, r.FinishedAt, r.Error);
}
