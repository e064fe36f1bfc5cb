using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Issuance;

/// <summary>Where an issued coupon's code comes from: the offer's permutation, its common code, or its uploaded pool.</summary>
internal static class CodeSource
{
    /// <summary>Writes the issued coupon row and returns its code, or NO_CODES_AVAILABLE.</summary>
    public static async Task<Result<string>> IssueAsync(CouponDbContext db, Offer offer, long customerId, string? requestedCode,
        DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        if (offer.GenerationMethod == GenerationMethod.Uploaded)
        {
            return await TakeFromPoolAsync(db, offer, customerId, requestedCode, now, expiresAt, ct);
        }

        var generator = await CodeSpaces.GeneratorAsync(db, offer, ct);
        if (generator.IsShared)
        {
            await InsertAsync(db, offer.Id, generator.CodeAt(0), shared: true, null, null, customerId, now, expiresAt, ct);
            return generator.CodeAt(0);
        }

        // Unique by construction: the space's counter hands each index out once, and the allocator skips codes others hold.
        if (await CodeAllocator.TakeAsync(db, offer.CodeSpaceId!.Value, 1, ct) is not [var index])
        {
            return NoCodes(offer, $"all {generator.Capacity:N0} codes of its format are used");
        }

        var code = generator.CodeAt(index);
        await InsertAsync(db, offer.Id, code, shared: false, offer.CodeSpaceId, index, customerId, now, expiresAt, ct);
        return code;
    }

    private static async Task<Result<string>> TakeFromPoolAsync(CouponDbContext db, Offer offer, long customerId, string? requestedCode,
        DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        var code = requestedCode is null ? null : CodeFormat.Normalize(requestedCode);
        var taken = await db.StringAsync(code is null ? CouponStatements.For(db.Dialect).TakeFirstFromPool : CouponStatements.For(db.Dialect).TakeNamedFromPool, ct, ("@c", customerId), ("@now", now), ("@exp", expiresAt), ("@o", offer.Id), ("@code", code));
        return taken is not null ? taken : NoCodes(offer, code is null ? $"offer {offer.Id} has no unissued uploaded codes left" : $"'{code}' is not an unissued code of offer {offer.Id}");
    }

    private static Task<int> InsertAsync(CouponDbContext db, long offerId, string code, bool shared, long? spaceId, long? index, long customerId,
        DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken ct) =>
        db.ExecuteAsync(CouponStatements.For(db.Dialect).InsertIssued, ct, ("@o", offerId), ("@code", code), ("@shared", shared), ("@space", spaceId), ("@index", index), ("@c", customerId), ("@now", now), ("@exp", expiresAt));

    internal static Error NoCodes(Offer offer, string why) =>
        Error.Rule(ErrorCodes.NoCodesAvailable, $"No code is available for offer {offer.Id}: {why}.");
}
