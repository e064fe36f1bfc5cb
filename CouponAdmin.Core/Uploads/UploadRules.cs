using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Core.Uploads;

/// <summary>Which kinds of file an offer accepts: checked when the file arrives and again when its job starts.</summary>
public static class UploadRules
{
    public static Error? Refusal(Offer offer, UploadKind kind) => kind switch
    {
        UploadKind.Customers when offer.IssuedBy == IssuedBy.ThirdParty =>
            Error.Rule(ErrorCodes.IssualNotAllowedForSeries, $"Offer {offer.Id} is issued through a third party; CouponAdmin cannot issue its coupons."),
        UploadKind.Customers when !OfferCapabilities.TakesCustomerUpload(offer.GenerationMethod, offer.IssuedBy) =>
            Error.Rule(ErrorCodes.IssualNotAllowedForSeries,
                $"Offer {offer.Id} gives a randomized common code: customer uploads are not available for this type of coupon series."),
        UploadKind.Codes when !OfferCapabilities.TakesCodeUpload(offer.GenerationMethod) =>
            Error.Rule(ErrorCodes.IssualNotAllowedForSeries,
                $"Offer {offer.Id} makes its own codes ({OfferWords.Method(offer.GenerationMethod)}); codes can be uploaded only to an offer whose codes are uploaded."),
        _ => null,
    };
}
