using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Issuance;

/// <summary>A coupon as support staff and the POS see it.</summary>
public sealed record CouponView(string Code, long OfferId, string OfferName, long? CustomerId, CouponStatus Status,
    DateTimeOffset? IssuedAt, DateTimeOffset? ExpiresAt, int RedemptionCount, bool IsReversed, DateTimeOffset LastStatusChangeOn);

/// <summary>Reads coupons: one by code, or every coupon of a customer.</summary>
public sealed class CouponQueries(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<CouponView>> ByCodeAsync(string code, CancellationToken ct = default)
    {
        var normalized = CodeFormat.Normalize(code);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matches = await Views(db, await CouponLookup.ByCodeAsync(db, normalized, ct)).Take(2).ToListAsync(ct);
        return matches.Count switch
        {
            0 => Error.NotFound(ErrorCodes.CouponNotFound, $"There is no coupon '{normalized}'."),
            1 => ToView(matches[0]),
            _ => Error.Validation([new FieldError("code", $"'{normalized}' is a common code held by many customers; look it up through the customer's coupons.")]),
        };
    }

    public async Task<Result<IReadOnlyList<CouponView>>> ByCustomerAsync(IdentifierType type, string value, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await CustomerDirectory.ResolveIdAsync(db, type, value, ErrorKind.NotFound, ct);
        if (!customer.IsSuccess)
        {
            return customer.Error!;
        }

        var customerId = customer.Value;
        var rows = await Views(db, db.Coupons.Where(c => c.CustomerId == customerId).OrderByDescending(c => c.Id)).ToListAsync(ct);
        return rows.Select(ToView).ToList();
    }

    private static IQueryable<Row> Views(CouponDbContext db, IQueryable<Coupon> coupons) =>
        coupons.AsNoTracking().Join(db.Offers.AsNoTracking(), c => c.OfferId, o => o.Id, (c, o) => new Row(c, o.Name));

    private CouponView ToView(Row row)
    {
        var c = row.Coupon;
        return new CouponView(c.Code, c.OfferId, row.OfferName, c.CustomerId, c.StatusAt(clock.GetUtcNow()), c.IssuedAt, c.ExpiresAt,
            c.RedemptionCount, IsReversed: false, c.LastStatusChangeAt);
    }

    private sealed record Row(Coupon Coupon, string OfferName);
}
