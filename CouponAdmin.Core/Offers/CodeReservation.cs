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
                // Any source counts: another offer's common code, an uploaded code, or a code a generated space gave out.
                var code = CodeFormat.Normalize(g.CommonCode!);
                if (await HeldCodes.OwnerAsync(db, code, selfId, ct) is { } owner)
                {
                    return Invalid("coupon.generation.commonCode", $"The common code '{g.CommonCode}' is already a code of offer {owner}: choose another.");
                }

                // A code of a generated shape is fine: the spaces of that shape skip it from now on.
                await HeldCodes.ClaimAsync(db, code, ct);
                return HeldCodes.CommonReservation(code);

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
}
