using System.Security.Cryptography;
using CouponAdmin.Core.Common;

namespace CouponAdmin.Core.Uploads;

/// <summary>
/// Where uploads are kept and how they are taken in. <paramref name="MaxChunkRows"/> caps the rows one chunk commits below
/// each kind's own chunk size (<c>Uploads:MaxChunkRows</c>; null: the kind's): shorter transactions and less to redo after
/// a crash, for some throughput.
/// </summary>
public sealed record UploadOptions(string Folder, long MaxFileBytes = UploadOptions.DefaultMaxFileBytes, int? MaxChunkRows = null)
{
    public const long DefaultMaxFileBytes = 200L * 1024 * 1024;

    /// <summary>The rows one chunk commits for a kind whose own chunk size is <paramref name="kindChunkRows"/>.</summary>
    public int ChunkRows(int kindChunkRows) => MaxChunkRows is { } cap ? Math.Min(cap, kindChunkRows) : kindChunkRows;
}

public sealed record SavedFile(string StoredName, string Sha256, long SizeBytes);

/// <summary>Keeps uploaded files (and their success reports) under the data folder, so a restarted job can read them again.</summary>
public sealed class UploadStore(UploadOptions options)
{
    public UploadOptions Options => options;

    /// <summary>Copies the upload to disk while hashing it; a file over the size limit is refused and nothing is kept.</summary>
    public async Task<Result<SavedFile>> SaveAsync(Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(options.Folder);
        var name = $"{Guid.NewGuid():N}.csv";
        var path = Path.Combine(options.Folder, name);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var tooLarge = false;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > options.MaxFileBytes)
                {
                    tooLarge = true;
                    break;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            await file.FlushAsync(ct);
        }

        if (tooLarge)
        {
            File.Delete(path);
            return TooLarge(options.MaxFileBytes);
        }

        return new SavedFile(name, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    /// <summary>The refusal of a file over the size limit, wherever it is noticed (here, or while the request body is read).</summary>
    public static Error TooLarge(long maxFileBytes) =>
        new(ErrorCodes.InvalidFile, $"The file is larger than the limit of {maxFileBytes / (1024 * 1024):N0} MB ({maxFileBytes:N0} bytes).", ErrorKind.Validation);

    public Stream Open(string storedName) =>
        new FileStream(PathOf(storedName), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    public void Delete(string storedName)
    {
        File.Delete(PathOf(storedName));
        File.Delete(SuccessReportPath(storedName));
    }

    /// <summary>The codes a <c>customers</c> upload issued, one CSV line per coupon.</summary>
    public string SuccessReportPath(string storedName) => PathOf(Path.ChangeExtension(storedName, ".issued.csv"));

    private string PathOf(string storedName) =>
        Path.Combine(options.Folder, Path.GetFileName(storedName) == storedName ? storedName : throw new ArgumentException("Not a stored file name.", nameof(storedName)));
}
