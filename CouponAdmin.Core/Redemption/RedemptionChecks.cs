using System.Globalization;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// The redemption rules that only read, each a small named step, in the order of docs/architecture.md, "Redeeming". The limits (code,
/// customer, series) and the gap are enforced by <see cref="RedemptionCounters"/> when the redemption is written.
/// </summary>
internal static class RedemptionChecks
{
    public static Error? All(RedemptionContext c, decimal bill) =>
        NotRevokedOrExpired(c)
        ?? OfferActive(c)
        ?? Started(c)
        ?? Holder(c)
        ?? StoreAllowed(c)
        ?? BillAmount(c, bill)
        ?? Window(c)
        ?? NewCustomer(c);

    /// <summary>A coupon past its expiry is expired whether or not it was redeemed before.</summary>
    public static Error? NotRevokedOrExpired(RedemptionContext c) =>
        c.Coupon.Status == CouponStatus.Revoked
            ? Error.Rule(ErrorCodes.CouponRevoked, $"Coupon '{c.Code}' was revoked on {c.Coupon.LastStatusChangeAt:yyyy-MM-dd}.")
            : c.Coupon.IsExpiredAt(c.At)
                ? Error.Rule(ErrorCodes.CouponExpired, $"Coupon '{c.Code}' expired at {c.Coupon.ExpiresAt:yyyy-MM-dd HH:mm} UTC.")
                : null;

    public static Error? OfferActive(RedemptionContext c)
    {
        var o = c.Offer;
        if (o.Status != OfferStatus.Active)
        {
            return Error.Rule(ErrorCodes.OfferNotActive, $"Offer {o.Id} of coupon '{c.Code}' is {o.Status.ToString().ToLowerInvariant()}, not active.");
        }

        return o.ValidFrom > c.At || o.ValidUntil < c.At
            ? Error.Rule(ErrorCodes.OfferNotActive, $"Offer {o.Id} runs {o.ValidFrom:yyyy-MM-dd} to {o.ValidUntil:yyyy-MM-dd}; {c.At:yyyy-MM-dd HH:mm} is outside it.")
            : null;
    }

    public static Error? Started(RedemptionContext c) =>
        c.Settings.StartsAt is { } start && c.At < start
            ? Error.Rule(ErrorCodes.RedemptionNotStarted, $"Coupons of offer {c.Offer.Id} can be redeemed from {start:yyyy-MM-dd HH:mm zzz}.")
            : null;

    /// <summary>Only the holder may redeem, unless anyone can; a shared coupon still needs one issual first.</summary>
    public static Error? Holder(RedemptionContext c)
    {
        if (c.Coupon.CustomerId is null)
        {
            return Error.Rule(ErrorCodes.CouponNotIssued, $"Coupon '{c.Code}' has not been issued to anyone yet.");
        }

        return c.HoldsCoupon || c.Settings.AnyoneCanRedeem
            ? null
            : Error.Rule(ErrorCodes.CouponNotIssuedToCustomer, $"Coupon '{c.Code}' was not issued to customer {c.Customer.UserId}.");
    }

    /// <summary>Tagged tills, stores, zones or concepts: the till, its store, the store's zone or concept must be one.</summary>
    public static Error? StoreAllowed(RedemptionContext c)
    {
        var allowed = c.Settings.OrgEntities;
        if (Allows(allowed, c.Place))
        {
            return null;
        }

        var where = (c.Place.TillId ?? c.Place.StoreId) is { } id ? $"'{id}'" : "an unnamed store";
        return Error.Rule(ErrorCodes.StoreNotAllowed,
            $"Offer {c.Offer.Id} cannot be redeemed at {where}; it is limited to {string.Join(", ", allowed.Select(a => $"{a.Type.ToString().ToUpperInvariant()} {a.Id}"))}.");
    }

    /// <summary>Whether an offer limited to <paramref name="allowed"/> (none: no limit) can be redeemed at <paramref name="place"/>.</summary>
    public static bool Allows(IReadOnlyList<OrgEntityRef> allowed, RedemptionPlace place) =>
        allowed.Count == 0 || allowed.Any(a => a.Type switch
        {
            OrgEntityType.Till => Same(a.Id, place.TillId),
            OrgEntityType.Store => Same(a.Id, place.StoreId),
            OrgEntityType.Zone => Same(a.Id, place.ZoneId),
            _ => Same(a.Id, place.ConceptId),
        });

    private static bool Same(string id, string? here) => here is not null && string.Equals(id, here, StringComparison.OrdinalIgnoreCase);

    public static Error? BillAmount(RedemptionContext c, decimal bill)
    {
        if (c.Settings.MinBill is { } min && bill < min)
        {
            return Error.Rule(ErrorCodes.BillAmountTooLow, $"The bill of {Money(bill)} is below the offer's minimum of {Money(min)}.");
        }

        return c.Settings.MaxBill is { } max && bill > max
            ? Error.Rule(ErrorCodes.BillAmountTooHigh, $"The bill of {Money(bill)} is above the offer's maximum of {Money(max)}.")
            : null;
    }

    /// <summary>Days of the week, days of the month and hours of the day, in the org's time zone.</summary>
    public static Error? Window(RedemptionContext c)
    {
        var local = TimeZoneInfo.ConvertTime(c.At, c.Zone);
        var s = c.Settings;
        if (s.DaysOfWeek.Count > 0 && !s.DaysOfWeek.Contains(local.DayOfWeek))
        {
            return Outside(c, $"{local.DayOfWeek} is not one of {string.Join(", ", s.DaysOfWeek)}");
        }

        if (s.DaysOfMonth.Count > 0 && !s.DaysOfMonth.Contains(local.Day))
        {
            return Outside(c, $"day {local.Day} of the month is not one of {string.Join(", ", s.DaysOfMonth)}");
        }

        return s.Hours.Count > 0 && !s.Hours.Contains(local.Hour)
            ? Outside(c, $"{local:HH:mm} ({c.Zone.Id}) is outside the hours {string.Join(", ", s.Hours)}")
            : null;
    }

    public static Error? NewCustomer(RedemptionContext c)
    {
        var rule = c.Settings.NewCustomers;
        var customer = c.Customer;
        if (rule.RegisteredFrom is { } from && (customer.RegisteredOn is not { } on1 || on1 < from))
        {
            return NotNew(c, $"registered {customer.RegisteredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "on an unknown date"}, before {from:yyyy-MM-dd}");
        }

        if (rule.RegisteredTo is { } to && (customer.RegisteredOn is not { } on2 || on2 > to))
        {
            return NotNew(c, $"registered {customer.RegisteredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "on an unknown date"}, after {to:yyyy-MM-dd}");
        }

        return rule.MaxTransactions is { } max && customer.TransactionCount > max
            ? NotNew(c, $"has {customer.TransactionCount} transactions, more than {max}")
            : null;
    }

    private static Error Outside(RedemptionContext c, string why) =>
        Error.Rule(ErrorCodes.OutsideRedemptionWindow, $"Offer {c.Offer.Id} cannot be redeemed now: {why}.");

    private static Error NotNew(RedemptionContext c, string why) =>
        Error.Rule(ErrorCodes.NotANewCustomer, $"Offer {c.Offer.Id} is for new customers; customer {c.Customer.UserId} {why}.");

    private static string Money(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
