using CouponAdmin.Core.Issuance;

namespace CouponAdmin.Jobs;

/// <summary>Runs one bulk issuance; safe to run twice (it resumes from the run's checkpoint or does nothing).</summary>
public sealed class BulkIssueJob(BulkIssue bulk)
{
    public Task RunAsync(long runId, CancellationToken cancellationToken) => bulk.RunAsync(runId, ct: cancellationToken);
}
