namespace CouponAdmin.Core.Uploads;

/// <summary>One refused row (or the refused part of a row) of an upload: a line of its issue report.</summary>
public sealed class UploadIssue
{
    public long Id { get; set; }
    public long UploadId { get; set; }
    public int Row { get; set; }
    public string? Identifier { get; set; }
    public string? Code { get; set; }
    public string Error { get; set; } = "";
    public string Message { get; set; } = "";
}
