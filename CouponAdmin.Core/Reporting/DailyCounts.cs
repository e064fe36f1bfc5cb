using CouponAdmin.Core.Persistence;

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
            : db.ExecuteAsync(Upsert, ct, ("@o", offerId), ("@day", DayOf(at, zone)), ("@i", issued), ("@r", redeemed), ("@v", reversed), ("@k", revoked));

    /// <summary>Redemptions counted per offer and day on the point-of-sale path's own connection (a batch adds its tally at once).</summary>
    public static Task AddRedeemedAsync(SqlSession s, long offerId, string day, long redeemed, CancellationToken ct) =>
        s.ExecuteAsync(Upsert, ct, ("@o", offerId), ("@day", day), ("@i", 0L), ("@r", redeemed), ("@v", 0L), ("@k", 0L));

    private const string Upsert = """
        INSERT INTO "OfferDailyCounts" ("OfferId", "Day", "Issued", "Redeemed", "Reversed", "Revoked") VALUES (@o, @day, @i, @r, @v, @k)
        ON CONFLICT ("OfferId", "Day") DO UPDATE SET "Issued" = "Issued" + excluded."Issued", "Redeemed" = "Redeemed" + excluded."Redeemed",
            "Reversed" = "Reversed" + excluded."Reversed", "Revoked" = "Revoked" + excluded."Revoked"
        """;

    /// <summary>The org's calendar date of <paramref name="at"/>, as the column stores it.</summary>
    public static string DayOf(DateTimeOffset at, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
