using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// One redemption per code and point-of-sale transaction within an offer, while it stands: a till that retries without
/// an Idempotency-Key, or an offline file uploaded twice, must not redeem again. The unique index on
/// <c>Redemptions (OfferId, TransactionId, Code) WHERE Active</c> decides: the redemption row is inserted before any
/// counter moves, and a repeat inserts nothing. A reversal frees the transaction id.
/// </summary>
internal static class PosTransactions
{
    public static string Normalize(string transactionId) => transactionId.Trim();

    /// <summary>The refusal of a repeat, naming the redemption that already stands for the transaction.</summary>
    public static async Task<Error> DuplicateAsync(SqlSession s, RedemptionContext c, string transactionId, CancellationToken ct)
    {
        var earlier = await s.Int64Async(DuplicateTransactionStatements.For(s.Dialect).Standing, ct, ("@o", c.Offer.Id), ("@code", c.Code), ("@tx", transactionId));
        return Duplicate(c.Code, transactionId, earlier);
    }

    public static Error Duplicate(string code, string transactionId, long? redemptionId) =>
        new(ErrorCodes.DuplicateTransaction,
            $"Coupon '{code}' was already redeemed in POS transaction '{transactionId}'{(redemptionId is { } id ? $" (redemption {id})" : "")}; reverse that redemption to redeem it again in this transaction.",
            ErrorKind.Conflict);
}
