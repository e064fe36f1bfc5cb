namespace CouponAdmin.Core.Common;

/// <summary>Stable error codes shared by the API, the UI and upload issue reports (listed in the README, "Error codes").</summary>
public static partial class ErrorCodes
{
    // Requests and settings
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string NotFound = "NOT_FOUND";
    public const string OfferNotFound = "OFFER_NOT_FOUND";
    public const string InvalidStatusChange = "INVALID_STATUS_CHANGE";
    public const string DuplicateCustomer = "DUPLICATE_CUSTOMER";
    public const string DuplicateOrgEntity = "DUPLICATE_ORG_ENTITY";

    // Issuing
    public const string InvalidCustomerIdentifier = "INVALID_CUSTOMER_IDENTIFIER";
    public const string CustomerNotFound = "CUSTOMER_NOT_FOUND";
    public const string OfferNotActive = "OFFER_NOT_ACTIVE";
    public const string CustomerNotInAudience = "CUSTOMER_NOT_IN_AUDIENCE";
    public const string RestrictedByPastIssual = "RESTRICTED_BY_PAST_ISSUAL";
    public const string GenericAlreadyIssued = "GENERIC_ALREADY_ISSUED";
    public const string MaxIssualsPerCustomerExceeded = "MAX_ISSUALS_PER_CUSTOMER_EXCEEDED";
    public const string MinIssualGapNotMet = "MIN_ISSUAL_GAP_NOT_MET";
    public const string SeriesIssualLimitExceeded = "SERIES_ISSUAL_LIMIT_EXCEEDED";
    public const string NoCodesAvailable = "NO_CODES_AVAILABLE";
    public const string DuplicateCode = "DUPLICATE_CODE";
    public const string IssualNotAllowedForSeries = "ISSUAL_NOT_ALLOWED_FOR_SERIES";

    // Redeeming
    public const string CouponNotFound = "COUPON_NOT_FOUND";
    public const string CouponRevoked = "COUPON_REVOKED";
    public const string CouponExpired = "COUPON_EXPIRED";
    public const string CouponNotIssued = "COUPON_NOT_ISSUED";
    public const string CouponNotIssuedToCustomer = "COUPON_NOT_ISSUED_TO_CUSTOMER";
    public const string RedemptionNotStarted = "REDEMPTION_NOT_STARTED";
    public const string StoreNotAllowed = "STORE_NOT_ALLOWED";
    public const string BillAmountTooLow = "BILL_AMOUNT_TOO_LOW";
    public const string BillAmountTooHigh = "BILL_AMOUNT_TOO_HIGH";
    public const string OutsideRedemptionWindow = "OUTSIDE_REDEMPTION_WINDOW";
    public const string NotANewCustomer = "NOT_A_NEW_CUSTOMER";
    public const string RedemptionGapNotMet = "REDEMPTION_GAP_NOT_MET";
    public const string CodeRedemptionLimitReached = "CODE_REDEMPTION_LIMIT_REACHED";
    public const string CustomerRedemptionLimitReached = "CUSTOMER_REDEMPTION_LIMIT_REACHED";
    public const string SeriesRedemptionLimitReached = "SERIES_REDEMPTION_LIMIT_REACHED";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string NoExchangeRate = "NO_EXCHANGE_RATE";
    public const string DuplicateTransaction = "DUPLICATE_TRANSACTION";

    // Reversing and revoking
    public const string RedemptionNotFound = "REDEMPTION_NOT_FOUND";
    public const string AlreadyReversed = "ALREADY_REVERSED";
    public const string CouponNotReversible = "COUPON_NOT_REVERSIBLE";
    public const string CouponNotTransferable = "COUPON_NOT_TRANSFERABLE";
    public const string CouponNotRevocable = "COUPON_NOT_REVOCABLE";

    // Uploads
    public const string UploadNotFound = "UPLOAD_NOT_FOUND";
}
