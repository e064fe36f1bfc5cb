using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// Stores the first answer under the request's <c>Idempotency-Key</c> (unique) with a hash of the request, inside
/// the redemption's own transaction. A repeat with the same body gets that answer; with another body, a refusal.
/// </summary>
internal static class Idempotency
{
    public static async Task<Result<RedemptionOutcome>?> ReplayAsync(CouponDbContext db, string? key, RedeemRequest request, CancellationToken ct)
    {
        if (key is null)
        {
            return null;
        }

        var stored = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (stored is null)
        {
            return null;
        }

        if (stored.RequestHash != Hash(request))
        {
            return Result<RedemptionOutcome>.Failure(Error.Rule(ErrorCodes.IdempotencyKeyReused,
                $"The Idempotency-Key '{key}' was first used with a different request; use a new key for a new redemption."));
        }

        var outcome = JsonSerializer.Deserialize<StoredOutcome>(stored.Outcome, CouponJson.Options)!;
        return outcome.Value is not null
            ? Result<RedemptionOutcome>.Success(outcome.Value)
            : Result<RedemptionOutcome>.Failure(new Error(outcome.Code!, outcome.Message!, outcome.Kind));
    }

    /// <summary>Adds the answer to the unit of work; it commits with the redemption (or the refusal) it describes.</summary>
    public static void Remember(CouponDbContext db, string? key, RedeemRequest request, Result<RedemptionOutcome> outcome, DateTimeOffset now)
    {
        if (key is null)
        {
            return;
        }

        var stored = new StoredOutcome(outcome.Value, outcome.Error?.Code, outcome.Error?.Message, outcome.Error?.Kind ?? ErrorKind.Rule);
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Key = key,
            RequestHash = Hash(request),
            Outcome = JsonSerializer.Serialize(stored, CouponJson.Options),
            CreatedAt = now,
        });
    }

    private static string Hash(RedeemRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, CouponJson.Options))));

    private sealed record StoredOutcome(RedemptionOutcome? Value, string? Code, string? Message, ErrorKind Kind);
}
