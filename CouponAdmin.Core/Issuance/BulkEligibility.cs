using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CouponAdmin.Core.Issuance;

/// <summary>
/// The read-only issuing rules in set form: for a chunk of customers in user-id order, which may get a coupon
/// (audience, past issuals, and the per-customer maximum and gap).
/// </summary>
internal static class BulkEligibility
{
    public static async Task<(List<long> Candidates, List<long> Eligible)> ReadChunkAsync(CouponDbContext db, Offer offer, BulkIssueRun run, long after, int size,
        DateTimeOffset now, CancellationToken ct)
    {
        var d = offer.Definition;
        var conditions = new List<string>();
        if (d.Coupon.SpecificCustomersOnly)
        {
            conditions.Add("""EXISTS (SELECT 1 FROM "AudienceMembers" a WHERE a."OfferId" = @o AND a."CustomerId" = c."UserId")""");
        }

        if (d.Issual.RestrictPastOfferIds.Count > 0)
        {
            var ids = string.Join(",", d.Issual.RestrictPastOfferIds.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            conditions.Add($"""NOT EXISTS (SELECT 1 FROM "Coupons" x WHERE x."CustomerId" = c."UserId" AND x."OfferId" IN ({ids}) AND x."IssuedAt" >= @since)""");
        }

        if (IssuanceChecks.CountsPerCustomer(d))
        {
            conditions.Add("""
                NOT EXISTS (SELECT 1 FROM "CustomerIssuals" ci WHERE ci."OfferId" = @o AND ci."CustomerId" = c."UserId"
                            AND ((@max IS NOT NULL AND ci."Count" >= @max) OR (@gapStart IS NOT NULL AND ci."LastIssuedAt" > @gapStart)))
                """);
        }

        var eligibleExpr = conditions.Count == 0 ? "1" : $"CASE WHEN {string.Join(" AND ", conditions)} THEN 1 ELSE 0 END";
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // The audience: every customer, or those registered in the run's date range.
        var audience = (run.RegisteredFrom is null ? "" : """ AND c."RegisteredOn" >= @from""") + (run.RegisteredTo is null ? "" : """ AND c."RegisteredOn" <= @to""");
        cmd.CommandText = $"""SELECT c."UserId", {eligibleExpr} FROM "Customers" c WHERE c."UserId" > @after{audience} ORDER BY c."UserId" LIMIT @size""";
        Sql.AddParameter(cmd, "@from", run.RegisteredFrom is { } f ? f.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value);
        Sql.AddParameter(cmd, "@to", run.RegisteredTo is { } t ? t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value);
        Sql.AddParameter(cmd, "@after", after);
        Sql.AddParameter(cmd, "@size", size);
        Sql.AddParameter(cmd, "@o", offer.Id);
        Sql.AddParameter(cmd, "@since", now.AddMonths(-IssuanceChecks.PastIssualMonths).UtcTicks);
        Sql.AddParameter(cmd, "@max", IssuanceChecks.MaxPerCustomer(d) is { } max ? max : DBNull.Value);
        Sql.AddParameter(cmd, "@gapStart", d.Issual.MinGapDays > 0 ? now.AddDays(-d.Issual.MinGapDays).UtcTicks : DBNull.Value);

        var candidates = new List<long>(size);
        var eligible = new List<long>(size);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            candidates.Add(id);
            if (reader.GetInt64(1) == 1)
            {
                eligible.Add(id);
            }
        }

        return (candidates, eligible);
    }
}
