using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Notifications;

/// <summary>Which coupon a resend means, and whether it may be resent: the rules of <see cref="ResendCoupon"/>, in order.</summary>
internal static class ResendTarget
{
    public static async Task<Result<(Coupon Coupon, Offer Offer, Customer? Holder)>> FindAsync(CouponDbContext db, string code, ResendCouponRequest request, CancellationToken ct)
    {
        // A transferred code has a coupon per holder (the newest is in force); a common code one per customer.
        var coupons = await (await CouponLookup.ByCodeAsync(db, code, ct)).AsNoTracking()
            .OrderByDescending(c => c.TransferSeq).ThenByDescending(c => c.Id).Take(50).ToListAsync(ct);
        if (coupons.Count == 0)
        {
            return Error.NotFound(ErrorCodes.CouponNotFound, $"There is no coupon '{code}'.");
        }

        var coupon = coupons[0];
        if (request.CustomerType is { } type)
        {
            var customer = await CustomerDirectory.ResolveIdAsync(db, type, request.CustomerValue ?? "", ErrorKind.Rule, ct);
            if (!customer.IsSuccess)
            {
                return customer.Error;
            }

            coupon = coupons.FirstOrDefault(c => c.CustomerId == customer.Value)
                ?? (await db.Coupons.AsNoTracking().Where(c => c.IsShared && c.Code == code && c.CustomerId == customer.Value).FirstOrDefaultAsync(ct))!;
            if (coupon is null)
            {
                return Error.Rule(ErrorCodes.CouponNotIssuedToCustomer, $"Coupon '{code}' is not held by {type} '{request.CustomerValue}'.");
            }
        }
        else if (coupon.IsShared && coupons.Count > 1)
        {
            return Error.Validation([new FieldError("customer", $"'{code}' is a common code held by many customers; say whose coupon to resend.")]);
        }

        var offer = await db.Offers.AsNoTracking().FirstAsync(o => o.Id == coupon.OfferId, ct);
        var holder = coupon.CustomerId is { } id ? await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == id, ct) : null;
        return (coupon, offer, holder);
    }

    public static Error? Refusal(Coupon coupon, Offer offer, Customer? holder, DateTimeOffset now)
    {
        if (offer.IssuedBy == IssuedBy.ThirdParty)
        {
            return NotAvailable(coupon, $"offer {offer.Id} is issued through a third party, which sends its own coupons");
        }

        if (offer.Definition.Issual.ResendSms is not { Text.Length: > 0 })
        {
            return Error.Rule(ErrorCodes.ResendNotConfigured, $"Offer {offer.Id} ('{offer.Name}') has no SMS text for resending coupons.");
        }

        var d = offer.Definition.Redemption;
        var useLimit = d.AnyoneCanRedeem ? d.CodeLimit : d.CustomerLimit;
        var reason = coupon.StatusAt(now) switch
        {
            CouponStatus.Unissued => "it has not been issued to anyone",
            CouponStatus.Revoked => "it was revoked",
            CouponStatus.Expired => $"it expired on {coupon.ExpiresAt:yyyy-MM-dd HH:mm} UTC",
            CouponStatus.Redeemed when useLimit is { } limit && coupon.RedemptionCount >= limit => "it has been used up",
            _ => null,
        };
        if (reason is not null)
        {
            return NotAvailable(coupon, reason);
        }

        return string.IsNullOrWhiteSpace(holder?.Mobile)
            ? Error.Rule(ErrorCodes.NoMobile, $"Customer {coupon.CustomerId} holds coupon '{coupon.Code}' but has no mobile number to send it to.")
            : null;
    }

    private static Error NotAvailable(Coupon coupon, string why) =>
        Error.Rule(ErrorCodes.ResendNotAvailable, $"Coupon '{coupon.Code}' cannot be resent: {why}.");
}
