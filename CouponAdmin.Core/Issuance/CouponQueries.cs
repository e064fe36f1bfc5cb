using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Issuance;

/// <summary>One redemption as shown with its coupon.</summary>
public sealed record RedemptionView(long Id, long CustomerId, string? StoreId, string? TillId, decimal BillAmount, string Currency,
    decimal DiscountAmount, string TransactionId, DateTimeOffset At, bool Active, DateTimeOffset? ReversedAt);

/// <summary>
/// A coupon as support staff and the POS see it. <see cref="IsReversed"/> says its latest redemption was reversed
/// (and the coupon reinstated); <see cref="LastStatusChangeOn"/> is when it last changed state.
/// </summary>
/// <remarks>
/// <see cref="RedemptionsAllowed"/> is the limit that bounds this coupon's <see cref="RedemptionCount"/>: the code-level
/// limit when anyone can redeem it, else the holder's (customer-level) limit; null means no limit.
/// </remarks>
public sealed record CouponView(string Code, long OfferId, string OfferName, long? CustomerId, CouponStatus Status,
    DateTimeOffset? IssuedAt, DateTimeOffset? ExpiresAt, int RedemptionCount, bool IsReversed, DateTimeOffset LastStatusChangeOn,
    IReadOnlyList<RedemptionView> Redemptions)
{
    public long CouponId { get; init; }

    public int? RedemptionsAllowed { get; init; }

    public bool IsShared { get; init; }
}

/// <summary>Reads coupons with their redemptions: one by code or id, or every coupon of a customer.</summary>
public sealed class CouponQueries(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<CouponView>> ByCodeAsync(string code, CancellationToken ct = default)
    {
        var normalized = CodeFormat.Normalize(code);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A transferred code has a coupon per holder: the latest is the one in force.
        var byCode = (await CouponLookup.ByCodeAsync(db, normalized, ct)).OrderByDescending(c => c.TransferSeq).ThenByDescending(c => c.Id);
        var matches = await Rows(db, byCode).Take(2).ToListAsync(ct);
        if (matches.Count == 0)
        {
            return Error.NotFound(ErrorCodes.CouponNotFound, $"There is no coupon '{normalized}'.");
        }

        return matches.Count > 1 && matches[0].Coupon.IsShared
            ? Error.Validation([new FieldError("code", $"'{normalized}' is a common code held by many customers; look it up through the customer's coupons.")])
            : (await ViewsAsync(db, matches.Take(1).ToList(), ct))[0];
    }

    public async Task<Result<CouponView>> ByIdAsync(long couponId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Rows(db, db.Coupons.Where(c => c.Id == couponId)).ToListAsync(ct);
        return rows.Count == 0 ? Error.NotFound(ErrorCodes.CouponNotFound, $"There is no coupon {couponId}.") : (await ViewsAsync(db, rows, ct))[0];
    }

    /// <summary>One page of a customer's coupons across offers, newest first, for support staff.</summary>
    public async Task<Page<CouponView>> PageByCustomerAsync(long customerId, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PageAsync(db, customerId, Math.Max(0, skip), Math.Clamp(take, 1, PageRequest.MaxDocuments), ct);
    }

    /// <summary>
    /// The holder of the coupon in force for <paramref name="code"/>, when the text is a coupon code held by one customer
    /// (a common code has many holders, so it names nobody).
    /// </summary>
    public async Task<long?> HolderOfAsync(string code, CancellationToken ct = default)
    {
        var normalized = CodeFormat.Normalize(code);
        if (normalized.Length is 0 or > Coupon.MaxCodeLength)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await (await CouponLookup.ByCodeAsync(db, normalized, ct)).AsNoTracking()
            .OrderByDescending(c => c.TransferSeq).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        return latest is { IsShared: false, CustomerId: { } holder } ? holder : null;
    }

    /// <summary>
    /// The customer's coupon of one offer, for trying it out: one still issued if they have it, else their latest;
    /// null when they hold none. An unknown or malformed identifier is the error.
    /// </summary>
    public async Task<Result<CouponView?>> HeldOfOfferAsync(long offerId, IdentifierType type, string value, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await CustomerDirectory.ResolveIdAsync(db, type, value, ErrorKind.NotFound, ct);
        if (!customer.IsSuccess)
        {
            return customer.Error;
        }

        var customerId = customer.Value;
        var rows = await Rows(db, db.Coupons.Where(c => c.CustomerId == customerId && c.OfferId == offerId).OrderByDescending(c => c.Id)).ToListAsync(ct);
        var views = await ViewsAsync(db, rows, ct);
        return Result<CouponView?>.Success(views.FirstOrDefault(v => v.Status == CouponStatus.Issued) ?? views.FirstOrDefault());
    }

    /// <summary>A page of the customer's coupons, newest first, with the total: what the API serves.</summary>
    public async Task<Result<Page<CouponView>>> ByCustomerAsync(IdentifierType type, string value, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await CustomerDirectory.ResolveIdAsync(db, type, value, ErrorKind.NotFound, ct);
        if (!customer.IsSuccess)
        {
            return customer.Error;
        }

        return await PageAsync(db, customer.Value, page.Skip, page.PageSize, ct);
    }

    private async Task<Page<CouponView>> PageAsync(CouponDbContext db, long customerId, int skip, int take, CancellationToken ct)
    {
        var coupons = db.Coupons.Where(c => c.CustomerId == customerId);
        var total = await coupons.CountAsync(ct);
        var rows = await Rows(db, coupons.OrderByDescending(c => c.Id).Skip(skip).Take(take)).ToListAsync(ct);
        return new Page<CouponView>(await ViewsAsync(db, rows, ct), total);
    }

    private static IQueryable<Row> Rows(CouponDbContext db, IQueryable<Coupon> coupons) =>
        coupons.AsNoTracking().Join(db.Offers.AsNoTracking(), c => c.OfferId, o => o.Id, (c, o) => new Row(c, o.Name, o.Definition));

    private async Task<List<CouponView>> ViewsAsync(CouponDbContext db, List<Row> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Coupon.Id).ToList();
        var redemptions = (await db.Redemptions.AsNoTracking().Where(r => ids.Contains(r.CouponId)).OrderBy(r => r.Id).ToListAsync(ct))
            .ToLookup(r => r.CouponId);
        var now = clock.GetUtcNow();
        return rows.Select(row =>
        {
            var c = row.Coupon;
            var list = redemptions[c.Id].Select(r => new RedemptionView(r.Id, r.CustomerId, r.StoreId, r.TillId, r.BillAmount, r.Currency,
                r.DiscountAmount, r.TransactionId, r.At, r.Active, r.ReversedAt)).ToList();
            var isReversed = list.Count > 0 && !list[^1].Active;
            var limits = row.Offer.Redemption;
            return new CouponView(c.Code, c.OfferId, row.OfferName, c.CustomerId, c.StatusAt(now), c.IssuedAt, c.ExpiresAt,
                c.RedemptionCount, isReversed, c.LastStatusChangeAt, list)
            {
                CouponId = c.Id,
                RedemptionsAllowed = limits.AnyoneCanRedeem ? limits.CodeLimit : limits.CustomerLimit,
                IsShared = c.IsShared,
            };
        }).ToList();
    }

    private sealed record Row(Coupon Coupon, string OfferName, OfferDefinition Offer);
}
