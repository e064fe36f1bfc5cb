namespace CouponAdmin.Core.Uploads.Csv;

/// <summary>How large an upload and each of its fields may be; <see cref="MaxFieldLength"/> is in characters.</summary>
public sealed record CsvLimits(long MaxFileBytes = 200L * 1024 * 1024, int MaxFieldLength = 4096);
