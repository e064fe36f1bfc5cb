using CouponAdmin.Core.Uploads;

namespace CouponAdmin.Jobs;

/// <summary>Processes one upload; safe to run twice (it resumes from the upload's checkpoint or does nothing).</summary>
public sealed class UploadJob(RunUpload runner)
{
    public Task RunAsync(long uploadId, CancellationToken cancellationToken) => runner.ExecuteAsync(uploadId, ct: cancellationToken);
}
