using System.Globalization;
using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Offers;

/// <summary>
/// Copies an offer's settings into a new draft named "Copy of …". The copy is made by <see cref="CreateOffer"/>, so
/// it is validated, audited and given its own org-unique codes like any new offer: a randomized-common copy gets the
/// next free fixed part, and a common-code copy the first free numbered variant of the code (the marketer edits it).
/// Coupons, uploaded codes and audience lists are data of the original and are not copied.
/// </summary>
public sealed class DuplicateOffer(IDbContextFactory<CouponDbContext> dbFactory, CreateOffer create, TimeProvider clock)
{
    public const string NamePrefix = "Copy of ";

    public async Task<Result<Offer>> ExecuteAsync(long offerId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (source is null)
        {
            return OfferQueries.NotFound(offerId);
        }

        var definition = Offer.Clone(source.Definition);
        definition.Name = CopyName(source.Name);
        var g = definition.Coupon.Generation;
        if (g.Method == GenerationMethod.Common && !string.IsNullOrWhiteSpace(g.CommonCode))
        {
            g.CommonCode = await FreeCommonCodeAsync(db, g.CommonCode, ct) ?? g.CommonCode;
        }

        var created = await create.ExecuteAsync(definition, actor, ct);
        if (created.IsSuccess)
        {
            AuditLog.Record(db, clock.GetUtcNow(), actor, "offer.duplicated", nameof(Offer), created.Value.Id, (object?)null,
                new { SourceOfferId = offerId });
            await db.SaveChangesAsync(ct);
        }

        return created;
    }

    /// <summary>"Copy of " + the name, cut to the name's length limit.</summary>
    public static string CopyName(string name)
    {
        var copy = NamePrefix + name.Trim();
        return copy.Length <= OfferDefinition.MaxNameLength ? copy : copy[..OfferDefinition.MaxNameLength].TrimEnd();
    }

    /// <summary>The code followed by 2, 3, … (cut to fit the length limit): the first no offer holds, in any form.</summary>
    private static async Task<string?> FreeCommonCodeAsync(CouponDbContext db, string code, CancellationToken ct)
    {
        var taken = (await db.Offers.AsNoTracking().Where(o => o.ReservedCode != null && o.ReservedCode.StartsWith("C:"))
            .Select(o => o.ReservedCode!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var stem = code.Trim();
        for (var n = 2; n < 10_000; n++)
        {
            var suffix = n.ToString(CultureInfo.InvariantCulture);
            var candidate = stem[..Math.Min(stem.Length, GenerationSettings.MaxCommonCodeLength - suffix.Length)] + suffix;
            var normalized = CodeFormat.Normalize(candidate);
            if (!taken.Contains(HeldCodes.CommonReservation(normalized)) && await HeldCodes.OwnerAsync(db, normalized, null, ct) is null)
            {
                return candidate;
            }
        }

        return null;
    }
}
