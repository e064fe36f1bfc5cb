using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Org;

/// <summary>Removes one exchange rate, audited; a fixed discount that needed it is then refused with NO_EXCHANGE_RATE until a path exists again.</summary>
public sealed class RemoveExchangeRate(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<ExchangeRate>> ExecuteAsync(string from, string to, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rate = await db.ExchangeRates.FindAsync([from, to], ct);
        if (rate is null)
        {
            return Error.NotFound(ErrorCodes.NotFound, $"There is no exchange rate from {from} to {to}.");
        }

        db.ExchangeRates.Remove(rate);
        AuditLog.Record(db, clock.GetUtcNow(), actor, "org.exchangeRate.removed", "Org", OrgSettings.SingletonId,
            new ExchangeRateRequest(rate.From, rate.To, rate.Rate), (ExchangeRateRequest?)null);
        await db.SaveChangesAsync(ct);
        return rate;
    }
}
