namespace CouponAdmin.Core.Uploads;

/// <summary>What a file does. The first five belong to an offer; the last two to the org.</summary>
public enum UploadKind { Customers, Codes, Audience, RevokeCustomers, Redemptions, Entities, OrgCustomers }

public enum UploadStatus { Queued, Processing, Completed, CompletedWithIssues, Failed }

/// <summary>
/// The durable record of one uploaded file: written (with the file saved under the data folder) before its job
/// is queued, and advanced in the same transaction as each chunk's effects, so a restarted job resumes after
/// <see cref="LastCommittedRow"/> and never applies a row twice.
/// </summary>
public sealed class Upload
{
    public const int MaxFileNameLength = 255;

    public long Id { get; set; }
    public UploadKind Kind { get; set; }
    public long? OfferId { get; set; }
    public string FileName { get; set; } = "";
    /// <summary>The saved copy's name inside the uploads folder.</summary>
    public string StoredName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long SizeBytes { get; set; }
    public string Encoding { get; set; } = "";
    public bool DryRun { get; set; }
    public UploadStatus Status { get; set; }
    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int SucceededRows { get; set; }
    public int FailedRows { get; set; }
    /// <summary>Rows that issued some of the coupons they asked for (a <c>count</c> cut short by a rule); each has an issue line too.</summary>
    public int PartlyIssuedRows { get; set; }
    /// <summary>The file row (header = row 1) up to which every row's effects are committed.</summary>
    public int LastCommittedRow { get; set; }
    /// <summary>How much of the success report belongs to committed chunks; a resumed job cuts the file back to it.</summary>
    public long SuccessReportBytes { get; set; }
    public string? ErrorCode { get; set; }
    public string? Error { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public bool IsFinished => Status is UploadStatus.Completed or UploadStatus.CompletedWithIssues or UploadStatus.Failed;
}
