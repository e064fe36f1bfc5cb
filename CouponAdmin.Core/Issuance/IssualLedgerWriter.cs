using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Issuance;

/// <summary>Writes what an <see cref="IssualLedger"/> granted back to the counters, inside the chunk's transaction.</summary>
internal static class IssualLedgerWriter
{
    /// <summary>
    /// After <paramref name="issued"/> new coupons: each touched customer's count, the series count, the "N remain" alert and
    /// the day's count. The one writer of issuance counters for every issuing path.
    /// </summary>
    public static async Task WriteCountsAsync(CouponDbContext db, Offer offer, IssualLedger ledger, long issued, DateTimeOffset now, TimeZoneInfo zone,
        NotificationOptions notifications, CancellationToken ct)
    {
        if (issued == 0)
        {
            return;
        }

        await WriteCustomerCountsAsync(db, offer, ledger, ct);
        var total = await db.ScalarAsync<long>(IssuanceStatements.For(db.Dialect).AddIssued, ct, ("@o", offer.Id), ("@n", issued)) ?? 0;
        await IssualLimitAlert.RaiseIfLowAsync(db, offer, total, now, notifications, ct);
        await Reporting.DailyCounts.AddAsync(db, offer.Id, now, zone, ct, issued: issued);
    }

    /// <summary>The customers' counts only: for a transfer, which gives a customer a coupon without making a new one.</summary>
    public static async Task WriteCustomerCountsAsync(CouponDbContext db, Offer offer, IssualLedger ledger, CancellationToken ct)
    {
        await using var upsert = Sql.Command(db, IssuanceStatements.For(db.Dialect).CustomerCountUpsert, ("@o", offer.Id), ("@c", 0L), ("@n", 0), ("@last", null));
        upsert.Prepare();
        foreach (var (customer, count, last) in ledger.Touched)
        {
            upsert.Parameters[1].Value = customer;
            upsert.Parameters[2].Value = count;
            upsert.Parameters[3].Value = db.Dialect.ToDb(last);
            await upsert.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The valid coupon each customer already holds, for "send the existing coupon" when they match again.</summary>
    public static async Task<Dictionary<long, string>> ExistingCodesAsync(CouponDbContext db, long offerId, IEnumerable<long> customers, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.ListAsync(IssuanceStatements.For(db.Dialect).ExistingCodes, r => (r.GetInt64(0), r.GetString(1)), ct, ("@ids", db.Dialect.List(customers.Distinct())), ("@o", offerId), ("@now", now));
        var codes = new Dictionary<long, string>();
        foreach (var (customer, code) in rows)
        {
            codes[customer] = code;
        }

        return codes;
    }
}
