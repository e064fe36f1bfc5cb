using CouponAdmin.Core.Common;
using CouponAdmin.Core.Pos;

namespace CouponAdmin.Core.Redemption;

internal sealed record PreparedRedemption(RedemptionContext Context, DiscountGiven Discount);

/// <summary>The read-only half shared by redeem and validate: load the coupon and its world, apply the rules, price it.</summary>
internal static class RedemptionPreparation
{
    public static async Task<Result<PreparedRedemption>> PrepareAsync(PosPath pos, RedeemRequest request, DateTimeOffset now, CancellationToken ct)
    {
        Result<RedemptionContext> loaded;
        using (var lease = await pos.RentAsync(ct))
        {
            loaded = await RedemptionContext.LoadAsync(lease.Session, pos, request, now, ct);
        }

        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var c = loaded.Value;
        if (RedemptionChecks.All(c, request.BillAmount) is { } refusal)
        {
            return refusal;
        }

        var currency = c.Place.Currency ?? request.Currency ?? c.BaseCurrency;
        var discount = DiscountCalculator.Calculate(c.Rates, c.Offer.Definition.Discount, request.BillAmount, currency, c.BaseCurrency);
        return discount.IsSuccess ? new PreparedRedemption(c, discount.Value) : discount.Error;
    }
}
