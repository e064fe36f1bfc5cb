using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Pos;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// Answers as <see cref="RedeemCoupon"/> would, changing nothing: every rule, and the limits tried by the same statements
/// in a savepoint that is rolled back, so the answer is the one a redemption would get at that moment. (A racing
/// redemption can still take the last use between a validate and a redeem.)
/// </summary>
public sealed class ValidateCoupon(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock, RedemptionOptions? options = null)
{
    public async Task<Result<RedemptionOutcome>> ExecuteAsync(RedeemRequest request, CancellationToken ct = default)
    {
        if (RedeemCoupon.Validate(request) is { } invalid)
        {
            return invalid;
        }

        var pos = PosPath.For(dbFactory);
        var now = clock.GetUtcNow();
        var prepared = await RedemptionPreparation.PrepareAsync(pos, request, now, ct);
        return prepared.IsSuccess
            ? await pos.Writer(options).WriteAsync(new PendingRedemption(prepared, request, "validate", null, now, dryRun: true))
            : prepared.Error;
    }
}
