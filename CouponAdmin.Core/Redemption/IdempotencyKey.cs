using System.Globalization;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// A client's <c>Idempotency-Key</c> inside its scope. Keys are chosen by clients, so two points of sale can pick
/// the same one: each API key is its own scope (<see cref="ForApiKey"/>), offline-redemption uploads share
/// <see cref="UploadScope"/> (their keys name the upload and row). A repeat is only ever answered within its scope.
/// </summary>
public sealed record IdempotencyKey
{
    public const int MaxLength = 100;
    public const string UploadScope = "upload";

    /// <param name="scope">Whose key it is: <see cref="ForApiKey"/> or <see cref="UploadScope"/>.</param>
    /// <param name="value">The key as sent; white space around it is not part of it.</param>
    public IdempotencyKey(string scope, string? value)
    {
        Scope = scope;
        Value = value?.Trim() ?? "";
    }

    public string Scope { get; }

    public string Value { get; }

    /// <summary>A blank header is treated as no key at all (as it always was).</summary>
    public bool IsBlank => Value.Length == 0;

    public static IdempotencyKey ForApiKey(long apiKeyId, string? value) =>
        new($"api-key:{apiKeyId.ToString(CultureInfo.InvariantCulture)}", value);
}
