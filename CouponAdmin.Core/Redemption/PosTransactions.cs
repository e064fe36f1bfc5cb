using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// One redemption per code and point-of-sale transaction within an offer, while it stands: a till that retries without
/// an Idempotency-Key, or an offline file uploaded twice, must not redeem again. The unique index on
/// <c>Redemptions (OfferId, Code, TransactionId) WHERE Active</c> decides under concurrency; this check, inside the
/// write lock and before any counter moves, gives the clear answer. A reversal frees the transaction id.
/// </summary>
internal static class PosTransactions
{
    public static string Normalize(string transactionId) => transactionId.Trim();

    public static async Task<Error?> UnusedAsync(CouponDbContext db, RedemptionContext c, string transactionId, CancellationToken ct)
    {
        var tx = Normalize(transactionId);
        var earlier = await db.ScalarAsync<long>("""
            SELECT "Id" FROM "Redemptions" WHERE "OfferId" = @o AND "Code" = @code AND "TransactionId" = @tx AND "Active" = 1 LIMIT 1
            """, ct, ("@o", c.Offer.Id), ("@code", c.Code), ("@tx", tx));
        return earlier is { } id ? Duplicate(c.Code, tx, id) : null;
    }

    public static Error Duplicate(string code, string transactionId, long? redemptionId) =>
        new(ErrorCodes.DuplicateTransaction,
            $"Coupon '{code}' was already redeemed in POS transaction '{transactionId}'{(redemptionId is { } id ? $" (redemption {id})" : "")}; reverse that redemption to redeem it again in this transaction.",
            ErrorKind.Conflict);
}
