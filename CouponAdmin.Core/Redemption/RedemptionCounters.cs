using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// The limit steps of redeeming, each one conditional statement inside the redemption's transaction: the
/// statement that raises a count is the one that checks it, so concurrent redemptions cannot pass a limit.
/// Levels without a limit keep no counter (they are rebuilt when a limit is set on a live offer).
/// </summary>
internal static class RedemptionCounters
{
    public static async Task<Error?> CountAsync(SqlSession s, RedemptionContext c, CancellationToken ct)
    {
        var sql = RedemptionStatements.For(s.Dialect);
        var settings = c.Settings;
        var offerId = c.Offer.Id;
        var customerId = c.Customer.UserId;

        // Each limit below is one upsert: the first redemption at a level inserts its counter, a later one raises it only
        // while the condition holds, and a row count of 0 is the refusal.
        if (settings.MinGapDays > 0)
        {
            var gapStart = c.At.AddDays(-settings.MinGapDays);
            if (await s.ExecuteAsync(sql.GapUpsert, ct, ("@o", offerId), ("@c", customerId), ("@at", c.At), ("@gapStart", gapStart)) == 0)
            {
                return Error.Rule(ErrorCodes.RedemptionGapNotMet, $"Customer {customerId} redeemed offer {offerId} less than {settings.MinGapDays} day(s) ago.");
            }
        }

        // Code level: all customers on one code, where the offer's kind allows one. Where only the holder may redeem,
        // the coupon's own count is the holder's count on it, so it carries the customer limit and no second counter
        // is kept (docs/architecture.md, "Redeeming").
        var holderOnly = !settings.AnyoneCanRedeem && c.HoldsCoupon;
        var codeLimit = RedemptionLimitPolicy.For(c.Offer.Definition.SeriesType, settings.AnyoneCanRedeem).Code ? settings.CodeLimit : null;
        var couponLimit = holderOnly ? settings.CustomerLimit : codeLimit;
        if (await s.ExecuteAsync(sql.CouponCount, ct, ("@id", c.Coupon.Id), ("@limit", couponLimit), ("@at", c.At)) == 0)
        {
            var status = await s.StringAsync(sql.StatusOf, ct, ("@id", c.Coupon.Id));
            if (status == nameof(CouponStatus.Revoked))
            {
                return Error.Rule(ErrorCodes.CouponRevoked, $"Coupon '{c.Code}' was revoked a moment ago.");
            }

            return holderOnly
                ? CustomerLimitReached(c, couponLimit)
                : Error.Rule(ErrorCodes.CodeRedemptionLimitReached, $"Coupon '{c.Code}' has been redeemed its limit of {codeLimit} time(s).");
        }

        if (!holderOnly && settings.CustomerLimit is { } customerLimit
            && await s.ExecuteAsync(sql.CustomerCodeUpsert, ct, ("@o", offerId), ("@code", c.Code), ("@c", customerId), ("@limit", customerLimit)) == 0)
        {
            return CustomerLimitReached(c, customerLimit);
        }

        if (settings.SeriesLimit is { } seriesLimit && await s.ExecuteAsync(sql.SeriesUpsert, ct, ("@o", offerId), ("@limit", seriesLimit)) == 0)
        {
            return Error.Rule(ErrorCodes.SeriesRedemptionLimitReached, $"Offer {offerId} has been redeemed its limit of {seriesLimit:N0} time(s).");
        }

        return null;
    }

    private static Error CustomerLimitReached(RedemptionContext c, int? limit) =>
        Error.Rule(ErrorCodes.CustomerRedemptionLimitReached, $"Customer {c.Customer.UserId} has redeemed '{c.Code}' its limit of {limit} time(s).");

    /// <summary>
    /// Recounts the customer, gap and series counters from the active redemptions, for when a limit or gap is set on
    /// a live offer whose redemptions were not being counted at that level.
    /// </summary>
    public static async Task RebuildAsync(CouponDbContext db, long offerId, CancellationToken ct)
    {
        var sql = RedemptionStatements.For(db.Dialect);
        await db.ExecuteAsync(sql.RebuildCustomerCodes, ct, ("@o", offerId));
        await db.ExecuteAsync(sql.RebuildGaps, ct, ("@o", offerId));
        await IssuanceCounters.EnsureOfferRowAsync(db, offerId, ct);
        await db.ExecuteAsync(sql.RebuildSeries, ct, ("@o", offerId));
    }

    /// <summary>
    /// Whether a settings change starts counting a level that was not counted before. Opening a holder-only offer to
    /// anyone starts the per-customer counters: until then the coupons' own counts stood in for them.
    /// </summary>
    public static bool StartsCounting(RedemptionSettings before, RedemptionSettings after) =>
        (before.CustomerLimit is null && after.CustomerLimit is not null)
        || (!before.AnyoneCanRedeem && after.AnyoneCanRedeem && after.CustomerLimit is not null)
        || (before.SeriesLimit is null && after.SeriesLimit is not null)
        || (before.MinGapDays == 0 && after.MinGapDays > 0);

    /// <summary>Gives a reversed redemption's counts back at every level; counts never go below zero.</summary>
    public static async Task GiveBackAsync(CouponDbContext db, CouponRedemption r, DateTimeOffset now, CancellationToken ct)
    {
        var sql = RedemptionStatements.For(db.Dialect);
        await db.ExecuteAsync(sql.GiveBackCoupon, ct, ("@id", r.CouponId), ("@now", now));
        await db.ExecuteAsync(sql.GiveBackCustomerCode, ct, ("@o", r.OfferId), ("@code", r.Code), ("@c", r.CustomerId));
        await db.ExecuteAsync(sql.GiveBackSeries, ct, ("@o", r.OfferId));
        await db.ExecuteAsync(sql.GiveBackGap, ct, ("@o", r.OfferId), ("@c", r.CustomerId));
    }
}
