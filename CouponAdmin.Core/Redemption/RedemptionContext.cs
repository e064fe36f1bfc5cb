using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Pos;

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
    string BaseCurrency, ExchangeRateTable Rates, string Code, bool HoldsCoupon)
{
    public RedemptionSettings Settings => Offer.Definition.Redemption;

    /// <summary>The coupon and the customer from one read (<see cref="CouponRead"/>); the offer, the place and the org from the snapshot.</summary>
    public static async Task<Result<RedemptionContext>> LoadAsync(SqlSession session, PosPath pos, RedeemRequest request, DateTimeOffset now,
        CancellationToken ct)
    {
        var identifier = CustomerIdentifiers.Parse(request.CustomerType, request.CustomerValue);
        if (!identifier.IsSuccess)
        {
            return identifier.Error;
        }

        var code = CodeFormat.Normalize(request.Code ?? "");
        var at = request.At ?? now;
        var snapshot = await pos.CurrentAsync();
        var decoded = snapshot.Decode(code);
        var rows = await CouponRead.ReadAsync(session, code, decoded, identifier.Value, at, ct);
        if (rows.Version > snapshot.Version)
        {
            // Settings changed since the snapshot was taken; a new code space may even be what made this code.
            snapshot = await pos.SnapshotAsync(rows.Version);
            var again = snapshot.Decode(code);
            if (!again.SequenceEqual(decoded))
            {
                rows = await CouponRead.ReadAsync(session, code, again, identifier.Value, at, ct);
            }
        }

        if (First(rows.Coupons, _ => true) is not { } first)
        {
            return Error.Rule(ErrorCodes.CouponNotFound, $"There is no coupon '{code}'.");
        }

        if (rows.Customer is not { } customer)
        {
            return CustomerDirectory.NotFound(identifier.Value, ErrorKind.Rule);
        }

        // A common code has a row per holder: the customer's own, or (anyone can redeem) a holder's row still in force.
        var own = first.CustomerId == customer.UserId ? first : First(rows.Coupons, c => c.CustomerId == customer.UserId);
        var coupon = own
            ?? First(rows.Coupons, c => c.CustomerId != null && (c.Status == CouponStatus.Issued || c.Status == CouponStatus.Redeemed) && (c.ExpiresAt == null || c.ExpiresAt >= at))
            ?? (first.CustomerId is null ? First(rows.Coupons, c => c.CustomerId != null) : null)
            ?? first;
        // Every offer a coupon can name is in a snapshot at least as new as the coupon's read: creating one raises the version.
        var offer = snapshot.Offers[coupon.OfferId];
        var place = RedemptionPlace.Of(snapshot.Org, request.StoreId, request.TillId);
        return new RedemptionContext(coupon, offer, customer, place, at, snapshot.Zone, snapshot.BaseCurrency, snapshot.Rates, code, own is not null);
    }

    /// <summary>The oldest coupon (lowest id) that matches.</summary>
    private static Coupon? First(List<Coupon> coupons, Func<Coupon, bool> matches)
    {
        Coupon? first = null;
        foreach (var c in coupons)
        {
            if (matches(c) && (first is null || c.Id < first.Id))
            {
                first = c;
            }
        }

        return first;
    }
}
