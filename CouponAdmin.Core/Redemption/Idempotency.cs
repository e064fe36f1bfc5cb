using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// Stores the first answer under the request's <c>Idempotency-Key</c> (unique within its scope) with a hash of the request, inside
/// the redemption's own transaction. A repeat with the same body gets that answer; with another body, a refusal.
/// </summary>
internal static class Idempotency
{
    /// <summary>The key's own rule: at most <see cref="IdempotencyKey.MaxLength"/> characters (a blank key means none).</summary>
    public static Error? Validate(IdempotencyKey? key) =>
        key is { Value.Length: > IdempotencyKey.MaxLength }
            ? Error.Validation([new FieldError("Idempotency-Key",
                $"An Idempotency-Key has at most {IdempotencyKey.MaxLength} characters (got {key.Value.Length:N0}).")])
            : null;

    /// <summary>The key to remember answers under, or null when the request has none (absent or blank).</summary>
    public static IdempotencyKey? OrNone(IdempotencyKey? key) => key is { IsBlank: false } ? key : null;

    /// <summary>
    /// Makes calls with the same key take turns until the transaction ends, where the database runs writers side by side:
    /// the second then finds the first's stored answer instead of redeeming again. Taken before the call's savepoint.
    /// </summary>
    public static async Task LockAsync(SqlSession s, IdempotencyKey? key, CancellationToken ct)
    {
        if (key is not null && s.Dialect.KeyLock is { } sql)
        {
            await s.ExecuteAsync(sql, ct, ("@lock", $"{key.Scope}\n{key.Value}"));
        }
    }

    public static async Task<Result<RedemptionOutcome>?> ReplayAsync(SqlSession s, IdempotencyKey? key, RedeemRequest request, CancellationToken ct)
    {
        if (key is null)
        {
            return null;
        }

        string hash, stored;
        await using (var reader = await s.QueryAsync(IdempotencyStatements.For(s.Dialect).Find, ct, ("@scope", key.Scope), ("@key", key.Value)))
        {
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }

            (hash, stored) = (reader.GetString(0), reader.GetString(1));
        }

        if (hash != Hash(request))
        {
            return Result<RedemptionOutcome>.Failure(Error.Rule(ErrorCodes.IdempotencyKeyReused,
                $"The Idempotency-Key '{key.Value}' was first used with a different request; use a new key for a new redemption."));
        }

        var outcome = JsonSerializer.Deserialize<StoredOutcome>(stored, CouponJson.Options)!;
        return outcome.Value is not null
            ? Result<RedemptionOutcome>.Success(outcome.Value)
            : Result<RedemptionOutcome>.Failure(new Error(outcome.Code!, outcome.Message!, outcome.Kind));
    }

    /// <summary>Records the answer in the caller's transaction: it commits with the redemption (or the refusal) it describes.</summary>
    public static Task RememberAsync(SqlSession s, IdempotencyKey key, RedeemRequest request, Result<RedemptionOutcome> outcome, DateTimeOffset now,
        CancellationToken ct)
    {
        var stored = new StoredOutcome(outcome.Value, outcome.Error?.Code, outcome.Error?.Message, outcome.Error?.Kind ?? ErrorKind.Rule);
        return s.ExecuteAsync(IdempotencyStatements.For(s.Dialect).Remember, ct, ("@scope", key.Scope), ("@key", key.Value), ("@hash", Hash(request)),
            ("@outcome", JsonSerializer.Serialize(stored, CouponJson.Options)), ("@at", now));
    }

    private static string Hash(RedeemRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, CouponJson.Options))));

    private sealed record StoredOutcome(RedemptionOutcome? Value, string? Code, string? Message, ErrorKind Kind);
}
