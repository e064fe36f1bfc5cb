using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Pos;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// Each call writes its own redemption in its own transaction: the same statements as <see cref="GroupCommit"/>, for a
/// database where writers run side by side and lock rows (PostgreSQL); on SQLite the write gate queues them when
/// <paramref name="gated"/>, and otherwise SQLite's own lock does (its transactions begin IMMEDIATE).
/// </summary>
internal sealed class PerRequestWrite(PosPath pos, bool gated) : IRedemptionWriter
{
    public async Task<Result<RedemptionOutcome>> WriteAsync(PendingRedemption pending)
    {
        using var gate = gated ? await WriteGate.EnterAsync(pos.ConnectionString, CancellationToken.None) : null;
        // At most a few writers hold a connection and a transaction at once: the rest wait here, in process, rather than
        // for a pooled connection (which times out) or in a queue of row locks on one hot coupon.
        await pos.WriterSlots.WaitAsync();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await WriteOnceAsync(pending);
                }
                catch (Exception e) when (attempt < MaxAttempts && pos.Dialect.IsTransient(e))
                {
                    // Nothing of the failed attempt committed: run it again from the start.
                }
            }
        }
        finally
        {
            pos.WriterSlots.Release();
        }
    }

    private const int MaxAttempts = 3;

    private async Task<Result<RedemptionOutcome>> WriteOnceAsync(PendingRedemption pending)
    {
        using var lease = await pos.RentAsync();
        var s = lease.Session;
        await using var transaction = await s.Connection.BeginTransactionAsync();
        s.Transaction = transaction;
        var daily = new DailyTally();
        var outcome = await RedemptionWrite.ApplyAsync(s, pending, daily, CancellationToken.None);
        await daily.FlushAsync(s, CancellationToken.None);
        await transaction.CommitAsync();
        return outcome;
    }
}
