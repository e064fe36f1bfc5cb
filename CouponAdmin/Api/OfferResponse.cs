using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Api;

/// <summary>An offer as the API returns it: the request body's fields, plus id, status and timestamps.</summary>
internal sealed record OfferResponse(
    long Id,
    OfferStatus Status,
    SeriesType SeriesType,
    string? CodeCapacity,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Name,
    string? Description,
    DiscountSettings Discount,
    List<string> Products,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    List<string> BrandPocEmails,
    bool SyncToInStore,
    CouponSettings Coupon,
    IssualSettings Issual,
    RedemptionSettings Redemption)
{
    public static OfferResponse From(Offer offer)
    {
        var d = offer.Definition;
        return new(offer.Id, offer.Status, d.SeriesType, CodeGenerators.Capacity(d.Coupon.Generation)?.ToString(System.Globalization.CultureInfo.InvariantCulture), offer.CreatedAt, offer.UpdatedAt, d.Name, d.Description, d.Discount, d.Products,
            d.ValidFrom, d.ValidUntil, d.BrandPocEmails, d.SyncToInStore, d.Coupon, d.Issual, d.Redemption);
    }
}
