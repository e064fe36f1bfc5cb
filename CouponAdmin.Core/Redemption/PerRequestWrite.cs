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
        using var lease = pos.Rent();
        var s = lease.Session;
        using var gate = gated ? await WriteGate.EnterAsync(pos.ConnectionString, CancellationToken.None) : null;
        await using var transaction = await s.Connection.BeginTransactionAsync();
        s.Transaction = transaction;
        var daily = new DailyTally();
        var outcome = await RedemptionWrite.ApplyAsync(s, pending, daily, CancellationToken.None);
        await daily.FlushAsync(s, CancellationToken.None);
        await transaction.CommitAsync();
        return outcome;
    }
}
