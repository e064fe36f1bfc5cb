namespace CouponAdmin.Core.Offers;

/// <summary>Which files and actions a series type takes, so menus offer only what the use cases accept.</summary>
public static class OfferCapabilities
{
    /// <summary>Existing codes are uploaded only into a series whose codes are uploaded.</summary>
    public static bool TakesCodeUpload(GenerationMethod method) => method == GenerationMethod.Uploaded;

    /// <summary>
    /// A customer file issues coupons, which CouponAdmin cannot do for a third-party series; randomized-common codes are
    /// issued through the API and bulk issuance only.
    /// </summary>
    public static bool TakesCustomerUpload(GenerationMethod method, IssuedBy issuedBy) =>
        issuedBy == IssuedBy.CouponAdmin && method != GenerationMethod.RandomizedCommon;
}
