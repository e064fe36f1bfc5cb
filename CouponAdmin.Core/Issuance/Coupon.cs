namespace CouponAdmin.Core.Issuance;

public enum CouponStatus { Unissued, Issued, Redeemed, Revoked, Expired }

/// <summary>
/// One coupon: a code of an offer, held by a customer once issued. Common-code coupons share their code
/// (<see cref="IsShared"/>); every other code is unique in the org.
/// </summary>
public sealed class Coupon
{
    public const int MaxCodeLength = 40;

    public long Id { get; set; }
    public long OfferId { get; set; }
    public string Code { get; set; } = "";
    public bool IsShared { get; set; }
    /// <summary>For a generated code: its space and index in that space's permutation (how it is found).</summary>
    public long? CodeSpaceId { get; set; }
    public long? CodeIndex { get; set; }
    public long? CustomerId { get; set; }
    public CouponStatus Status { get; set; }
    public DateTimeOffset? IssuedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public int RedemptionCount { get; set; }
    public DateTimeOffset LastStatusChangeAt { get; set; }

    /// <summary>
    /// 0 for the first coupon of a code; a transfer revokes the coupon and writes the code's next coupon with the next
    /// number, so the unique indexes admit one coupon per code and holder change while the old holder keeps their history.
    /// </summary>
    public int TransferSeq { get; set; }

    /// <summary>
    /// The one validity rule: a coupon is valid up to and including its expiry instant (the end of its last day is
    /// 23:59:59, valid through that second), and expired from the next tick. Every path asks this, in C# or in SQL.
    /// </summary>
    public static bool ValidAt(DateTimeOffset? expiresAt, DateTimeOffset now) => expiresAt is not { } expires || now <= expires;

    /// <summary><see cref="ValidAt(DateTimeOffset?, DateTimeOffset)"/> as a query filter.</summary>
    public static System.Linq.Expressions.Expression<Func<Coupon, bool>> ValidAtQuery(DateTimeOffset now) => c => c.ExpiresAt == null || c.ExpiresAt >= now;

    /// <summary><see cref="ValidAt(DateTimeOffset?, DateTimeOffset)"/> in hand-written SQL, for a coupon aliased <c>c</c> and the instant bound as <c>@now</c>.</summary>
    public const string ValidAtSql = """(c."ExpiresAt" IS NULL OR c."ExpiresAt" >= @now)""";

    /// <summary>Expiry is derived: an issued coupon past its expiry time is expired without a write.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => !ValidAt(ExpiresAt, now);

    public CouponStatus StatusAt(DateTimeOffset now) =>
        Status == CouponStatus.Issued && IsExpiredAt(now) ? CouponStatus.Expired : Status;
}
