using System.Globalization;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Dialects;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Reporting;

/// <summary>
/// Adds to an offer's counts of one org day inside the caller's transaction: one upsert per change, whatever its size
/// (a bulk chunk adds its whole count at once). Every path that issues, redeems, reverses or revokes calls it.
/// </summary>
internal static class DailyCounts
{
    public static Task AddAsync(CouponDbContext db, long offerId, DateTimeOffset at, TimeZoneInfo zone, CancellationToken ct,
        long issued = 0, long redeemed = 0, long reversed = 0, long revoked = 0) =>
        issued == 0 && redeemed == 0 && reversed == 0 && revoked == 0
            ? Task.CompletedTask
            : db.ExecuteAsync(DailyCountStatements.For(db.Dialect).Add, ct, ("@o", offerId), ("@day", DateOf(at, zone)), ("@slot", SlotFor(db.Dialect)),
                ("@i", issued), ("@r", redeemed), ("@v", reversed), ("@k", revoked));

    /// <summary>
    /// Redemptions counted per offer and day (<see cref="DayOf"/>) on the point-of-sale path's own connection (a batch adds its
    /// tally at once). The day is bound as a date, so the dialect writes it as its column stores it.
    /// </summary>
    public static Task AddRedeemedAsync(SqlSession s, long offerId, string day, long redeemed, CancellationToken ct) =>
        s.ExecuteAsync(DailyCountStatements.For(s.Dialect).Add, ct, ("@o", offerId), ("@day", DateOnly.ParseExact(day, DayFormat, CultureInfo.InvariantCulture)),
            ("@slot", SlotFor(s.Dialect)), ("@i", 0L), ("@r", redeemed), ("@v", 0L), ("@k", 0L));

    /// <summary>The row of the day to add to: one of the dialect's <see cref="ISqlDialect.CounterSlots"/>, at random, so writers at the same moment mostly meet different rows.</summary>
    private static int SlotFor(ISqlDialect dialect) => dialect.CounterSlots == 1 ? 0 : Random.Shared.Next(dialect.CounterSlots);

    /// <summary>The org's calendar date of <paramref name="at"/>, as text (a key for tallies kept in memory).</summary>
    public static string DayOf(DateTimeOffset at, TimeZoneInfo zone) => DateOf(at, zone).ToString(DayFormat, CultureInfo.InvariantCulture);

    private const string DayFormat = "yyyy-MM-dd";

    private static DateOnly DateOf(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
