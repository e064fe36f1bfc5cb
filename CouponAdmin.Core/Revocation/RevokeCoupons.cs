using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Revocation;

public enum RevokeMode { AllUnredeemed, OnlyUnissued, Customers }

public sealed record CustomerRef(IdentifierType Type, string Value);

public sealed record RevokeRequest(long OfferId, RevokeMode Mode, IReadOnlyList<CustomerRef>? Customers = null);

/// <summary>
/// Revokes an offer's coupons: all unredeemed (issued and unissued), only unissued, or the active coupons of the
/// given customers. Redeemed coupons are never revoked. Transfer is revoke, then issue or upload the code anew.
/// </summary>
public sealed class RevokeCoupons(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<int>> ExecuteAsync(RevokeRequest request, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resolved = await ResolveAsync(db, request, ct);
        if (!resolved.IsSuccess)
        {
            return resolved.Error;
        }

        var customerIds = resolved.Value;
        var now = clock.GetUtcNow();
        var sql = RevocationStatements.For(db.Dialect);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var revoked = request.Mode == RevokeMode.Customers
            ? (await CustomersAsync(db, request.OfferId, customerIds, now, ct)).Count
            : await db.ExecuteAsync(request.Mode == RevokeMode.OnlyUnissued ? sql.OnlyUnissued : sql.AllUnredeemed, ct, ("@o", request.OfferId), ("@now", now));
        await Reporting.DailyCounts.AddAsync(db, request.OfferId, now, await Org.OrgTime.ZoneAsync(db, ct), ct, revoked: revoked);
        AuditLog.Record(db, now, actor, "coupons.revoked", nameof(Offer), request.OfferId, (object?)null, new { request.Mode, customerIds, revoked });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return revoked;
    }

    /// <summary>How many coupons the request would revoke now, so the person can see it before confirming.</summary>
    public async Task<Result<int>> CountAsync(RevokeRequest request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resolved = await ResolveAsync(db, request, ct);
        if (!resolved.IsSuccess)
        {
            return resolved.Error;
        }

        var customerIds = resolved.Value;
        var coupons = db.Coupons.Where(c => c.OfferId == request.OfferId);
        return request.Mode switch
        {
            RevokeMode.OnlyUnissued => await coupons.CountAsync(c => c.Status == CouponStatus.Unissued, ct),
            RevokeMode.AllUnredeemed => await coupons.CountAsync(c => c.Status == CouponStatus.Issued || c.Status == CouponStatus.Unissued, ct),
            _ => await coupons.CountAsync(c => (c.Status == CouponStatus.Issued || c.Status == CouponStatus.Unissued)
                                                && c.CustomerId != null && customerIds.Contains(c.CustomerId.Value), ct),
        };
    }

    /// <summary>The offer must exist; for <see cref="RevokeMode.Customers"/>, every listed customer too (their user ids).</summary>
    private static async Task<Result<List<long>>> ResolveAsync(CouponDbContext db, RevokeRequest request, CancellationToken ct)
    {
        if (!await db.Offers.AnyAsync(o => o.Id == request.OfferId, ct))
        {
            return OfferQueries.NotFound(request.OfferId);
        }

        var customerIds = new List<long>();
        if (request.Mode != RevokeMode.Customers)
        {
            return customerIds;
        }

        if (request.Customers is not { Count: > 0 } customers)
        {
            return Error.Validation([new FieldError("customers", "List the customers whose coupons are to be revoked.")]);
        }

        for (var i = 0; i < customers.Count; i++)
        {
            var id = await CustomerDirectory.ResolveIdAsync(db, customers[i].Type, customers[i].Value, ErrorKind.Rule, ct);
            if (!id.IsSuccess)
            {
                return Error.Validation([new FieldError($"customers[{i}]", id.Error.Message)]);
            }

            customerIds.Add(id.Value);
        }

        return customerIds;
    }

    /// <summary>Revokes the customers' active coupons of the offer in the caller's transaction; returns the customer of each revoked coupon.</summary>
    internal static Task<List<long>> CustomersAsync(CouponDbContext db, long offerId, IReadOnlyCollection<long> customerIds, DateTimeOffset now, CancellationToken ct) =>
        db.ListAsync(RevocationStatements.For(db.Dialect).OfCustomers, r => r.GetInt64(0), ct, ("@o", offerId), ("@now", now), ("@ids", db.Dialect.List(customerIds)));
}
