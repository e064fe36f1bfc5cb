using System.Globalization;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Redemption;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Audit;

/// <summary>
/// A redemption as the audit log shows it: the row itself records who made it and when, so redeeming writes no audit
/// entry of its own (one row per call instead of two, and no JSON). Redemptions written before that carry no actor and
/// are in the log through the audit entries made for them then.
/// </summary>
internal static class RedemptionAudit
{
    public const string Action = "coupon.redeemed";
    public const string EntityType = "Coupon";

    public static IQueryable<CouponRedemption> Recorded(CouponDbContext db) => db.Redemptions.AsNoTracking().Where(r => r.Actor != null);

    /// <summary>The row's id is the redemption's; what it records is listed as values it set.</summary>
    public static AuditRow ToRow(CouponRedemption r) => new(r.Id, r.RecordedAt ?? r.At, r.Actor ?? "", Action, EntityType, r.Code, Values(r));

    private static List<AuditChange> Values(CouponRedemption r) =>
    [
        new("redemptionId", null, Text(r.Id)),
        new("offerId", null, Text(r.OfferId)),
        new("customerId", null, Text(r.CustomerId)),
        new("transactionId", null, r.TransactionId),
        new("billAmount", null, Text(r.BillAmount)),
        new("discount.amount", null, Text(r.DiscountAmount)),
        new("discount.currency", null, r.Currency),
        new("at", null, r.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
        .. Optional("storeId", r.StoreId),
        .. Optional("tillId", r.TillId),
    ];

    private static IEnumerable<AuditChange> Optional(string path, string? value) => value is null ? [] : [new(path, null, value)];

    private static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
