using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Offers;

/// <summary>
/// Keeps code namespaces apart across the org: a common code belongs to one offer, and a randomized-common
/// fixed part too (when the sample's is taken, the next free one of the same shape is used and the sample
/// rewritten to show it, as the reference product does).
/// </summary>
internal static class CodeReservation
{
    /// <summary>The reserved key for the settings (rewriting a randomized sample when needed), or the field at fault.</summary>
    public static async Task<Result<string?>> ReserveAsync(CouponDbContext db, long selfId, string? current, OfferDefinition definition, CancellationToken ct)
    {
        var g = definition.Coupon.Generation;
        switch (g.Method)
        {
            case GenerationMethod.Common:
                var key = "C:" + CodeFormat.Normalize(g.CommonCode!);
                var owner = await OwnerAsync(db, key, selfId, ct);
                return owner is null
                    ? key
                    : Invalid("coupon.generation.commonCode", $"The common code '{g.CommonCode}' is already used by offer {owner}.");

            case GenerationMethod.RandomizedCommon when current is null:
                var sample = RandomizedCommonCode.FromSample(g.SampleCode!);
                var taken = await db.Offers.AsNoTracking().Where(o => o.ReservedCode != null && o.ReservedCode.StartsWith("R:"))
                    .Select(o => o.ReservedCode!).ToListAsync(ct);
                var free = sample.WithFreeFixedPart(fixedPart => taken.Contains("R:" + fixedPart));
                if (free is null)
                {
                    return Invalid("coupon.generation.sampleCode", $"Every fixed part shaped like '{sample.FixedPart}' is taken; choose another sample code.");
                }

                g.SampleCode = free.SampleCode;
                return "R:" + free.FixedPart;

            case GenerationMethod.RandomizedCommon:
                return current;

            default:
                return (string?)null;
        }
    }

    private static Error Invalid(string path, string message) => Error.Validation([new FieldError(path, message)]);

    private static async Task<long?> OwnerAsync(CouponDbContext db, string key, long selfId, CancellationToken ct) =>
        await db.Offers.AsNoTracking().Where(o => o.ReservedCode == key && o.Id != selfId).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
}
