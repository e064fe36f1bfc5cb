namespace CouponAdmin.Core.Issuance;

public enum BulkIssueStatus { Queued, Processing, Completed, Failed }

/// <summary>
/// The durable record of one bulk issuance: written before the job is queued, advanced in the same
/// transaction as each chunk's coupons, so a restarted job resumes after <see cref="LastCustomerId"/>.
/// </summary>
public sealed class BulkIssueRun
{
    public long Id { get; set; }
    public long OfferId { get; set; }
    public BulkIssueStatus Status { get; set; }
    public DateOnly? RegisteredFrom { get; set; }
    public DateOnly? RegisteredTo { get; set; }
    public long LastCustomerId { get; set; }
    public long Considered { get; set; }
    public long Issued { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Error { get; set; }
}
