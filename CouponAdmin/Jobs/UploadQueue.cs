using CouponAdmin.Core.Common;
using CouponAdmin.Core.Uploads;
using Hangfire;

namespace CouponAdmin.Jobs;

/// <summary>Receives a file through Core's <see cref="StartUpload"/> and queues its job: the API and the Uploads screens both go through here.</summary>
public sealed class UploadQueue(StartUpload start, IBackgroundJobClient jobs)
{
    public async Task<Result<Upload>> SubmitAsync(StartUploadRequest request, string actor, CancellationToken ct)
    {
        var started = await start.ExecuteAsync(request, actor, ct);
        if (started.IsSuccess)
        {
            var id = started.Value.Id;
            jobs.Enqueue<UploadJob>(j => j.RunAsync(id, CancellationToken.None));
        }

        return started;
    }
}
