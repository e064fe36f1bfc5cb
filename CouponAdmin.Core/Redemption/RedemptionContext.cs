using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Pos;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Redemption;

/// <summary>Where a redemption happens: the till (if any), its store, the store's zone and concept, and its currency.</summary>
public sealed record RedemptionPlace(string? TillId, string? StoreId, string? ZoneId, string? ConceptId, string? Currency)
{
    /// <summary>The place a request names: a known till decides its store; otherwise the store as sent.</summary>
    internal static RedemptionPlace Of(OrgTree org, string? storeId, string? tillId)
    {
        storeId = storeId?.Trim();
        tillId = tillId?.Trim();
        if (!string.IsNullOrEmpty(tillId))
        {
            storeId = org.Till(tillId)?.ParentId ?? storeId;
        }

        var store = string.IsNullOrEmpty(storeId) ? null : org.Store(storeId);
        return new RedemptionPlace(string.IsNullOrEmpty(tillId) ? null : tillId, storeId, store?.ParentId, store?.ConceptId, store?.Currency);
    }
}

/// <summary>Everything the redemption rules read, loaded once: the coupon, its offer, the customer, the place and the time.</summary>
internal sealed record RedemptionContext(Coupon Coupon, Offer Offer, Customer Customer, RedemptionPlace Place, DateTimeOffset At, TimeZoneInfo Zone,
    string BaseCurrency, string Code, bool HoldsCoupon)
{
    public RedemptionSettings Settings => Offer.Definition.Redemption;

    /// <summary>The coupon and the customer from the database; the offer, the place and the org from the snapshot.</summary>
    public static async Task<Result<RedemptionContext>> LoadAsync(CouponDbContext db, PosSnapshot snapshot, RedeemRequest request, DateTimeOffset now,
        CancellationToken ct)
    {
        var identifier = CustomerIdentifiers.Parse(request.CustomerType, request.CustomerValue);
        if (!identifier.IsSuccess)
        {
            return identifier.Error!;
        }

        var code = CodeFormat.Normalize(request.Code ?? "");
        var byCode = await CouponLookup.ByCodeAsync(db, code, ct);
        var first = await byCode.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (first is null)
        {
            return Error.Rule(ErrorCodes.CouponNotFound, $"There is no coupon '{code}'.");
        }

        var customer = await CustomerDirectory.ByIdentifier(db.Customers.AsNoTracking(), identifier.Value!).FirstOrDefaultAsync(ct);
        if (customer is null)
        {
            return CustomerDirectory.NotFound(identifier.Value!, ErrorKind.Rule);
        }

        // A common code has a row per holder: the customer's own, or (anyone can redeem) a holder's row still in force.
        var at = request.At ?? now;
        var own = first.CustomerId == customer.UserId
            ? first
            : await byCode.AsNoTracking().Where(c => c.CustomerId == customer.UserId).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        var coupon = own
            ?? await byCode.AsNoTracking()
                .Where(c => c.CustomerId != null && (c.Status == CouponStatus.Issued || c.Status == CouponStatus.Redeemed) && (c.ExpiresAt == null || c.ExpiresAt >= at))
                .OrderBy(c => c.Id).FirstOrDefaultAsync(ct)
            ?? (first.CustomerId is null ? await byCode.AsNoTracking().Where(c => c.CustomerId != null).OrderBy(c => c.Id).FirstOrDefaultAsync(ct) : null)
            ?? first;
        // Every offer a coupon can name is in a snapshot at least as new as the coupon's read: creating one raises the version.
        var offer = snapshot.Offers[coupon.OfferId];
        var place = RedemptionPlace.Of(snapshot.Org, request.StoreId, request.TillId);
        return new RedemptionContext(coupon, offer, customer, place, at, snapshot.Zone, snapshot.BaseCurrency, code, own is not null);
    }
}
