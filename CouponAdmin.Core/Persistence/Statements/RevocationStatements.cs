using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// Revoking coupons: each statement is conditional on the coupon being unredeemed (issued or unissued), so a redemption
/// that commits first wins and the coupon is left as it is; redeemed coupons are never revoked.
/// </summary>
internal sealed class RevocationStatements
{
    private static readonly StatementCache<RevocationStatements> Cache = new(d => new(d));

    private RevocationStatements(ISqlDialect d)
    {
        var revoke = $"""UPDATE "Coupons" SET "Status" = {SqlLiteral.Of(CouponStatus.Revoked)}, "LastStatusChangeAt" = @now""";
        var unredeemed = $"""{SqlLiteral.Of(CouponStatus.Issued)}, {SqlLiteral.Of(CouponStatus.Unissued)}""";
        One = $"""
            {revoke}
            WHERE "Id" = @id AND "Status" IN ({unredeemed}) AND "RedemptionCount" = 0
            """;
        AllUnredeemed = $"""
            {revoke}
            WHERE "OfferId" = @o AND "Status" IN ({unredeemed})
            """;
        OnlyUnissued = $"""
            {revoke}
            WHERE "OfferId" = @o AND "Status" IN ({SqlLiteral.Of(CouponStatus.Unissued)})
            """;
        OfCustomers = $"""
            {revoke}
            WHERE "OfferId" = @o AND "Status" IN ({unredeemed}) AND "CustomerId" IN ({d.ListSubquery("@ids")})
            RETURNING "CustomerId"
            """;
    }

    public static RevocationStatements For(ISqlDialect d) => Cache.For(d);

    /// <summary>Revokes coupon @id at @now if it is unredeemed and was never used; one row when it was revoked.</summary>
    public string One { get; }

    /// <summary>Revokes every unredeemed (issued or unissued) coupon of offer @o at @now.</summary>
    public string AllUnredeemed { get; }

    /// <summary>Revokes the unissued coupons of offer @o at @now.</summary>
    public string OnlyUnissued { get; }

    /// <summary>Revokes the unredeemed coupons of offer @o held by the customers @ids (a dialect list) at @now; returns the holder of each.</summary>
    public string OfCustomers { get; }
}
