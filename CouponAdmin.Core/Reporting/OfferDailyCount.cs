namespace CouponAdmin.Core.Reporting;

/// <summary>
/// What happened to an offer's coupons on one day of the org's calendar, counted as it happens (in the transaction of
/// the change), so dashboards and offer figures read a few rows per offer instead of counting millions of coupons.
/// </summary>
public sealed class OfferDailyCount
{
    public long OfferId { get; set; }

    /// <summary>The date in the org's time zone.</summary>
    public DateOnly Day { get; set; }

    /// <summary>
    /// Which of the day's rows: a day's counts may be spread over several rows, so concurrent writers on a database with
    /// several writers (PostgreSQL) do not queue for one row lock until each commits; readers sum them
    /// (<see cref="Persistence.Dialects.ISqlDialect.CounterSlots"/>, docs/decisions.md).
    /// </summary>
    public int Slot { get; set; }

    public long Issued { get; set; }

    /// <summary>Redemptions made that day (by their redemption time), reversed or not.</summary>
    public long Redeemed { get; set; }

    /// <summary>Redemptions reversed that day.</summary>
    public long Reversed { get; set; }

    public long Revoked { get; set; }
}
