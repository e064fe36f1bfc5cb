using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Core.Redemption;

/// <summary>A point-of-sale request to redeem (or validate) a code for a customer's bill.</summary>
public sealed record RedeemRequest(string Code, IdentifierType CustomerType, string CustomerValue, string? TillId, string? StoreId,
    decimal BillAmount, string? Currency, string TransactionId, DateTimeOffset? At = null);

/// <summary>The discount a redemption gives: the offer's type and value, and the amount in the bill's currency.</summary>
public sealed record DiscountGiven(DiscountType Type, decimal Value, decimal Amount, string Currency);

/// <summary>What a redemption (or a validation, with no id) answers.</summary>
public sealed record RedemptionOutcome(long? RedemptionId, string Code, long OfferId, long CustomerId, DiscountGiven Discount);
