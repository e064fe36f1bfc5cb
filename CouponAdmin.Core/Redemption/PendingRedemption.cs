using CouponAdmin.Core.Common;

namespace CouponAdmin.Core.Redemption;

/// <summary>
/// A redemption (or a validation: <see cref="DryRun"/>) prepared outside any lock and handed to a writer: what the
/// read-only rules decided, and what the writer needs to record it and answer. A keyed refusal comes too, so its repeat
/// answers the same.
/// </summary>
internal sealed class PendingRedemption(Result<PreparedRedemption> prepared, RedeemRequest request, string actor, IdempotencyKey? key, DateTimeOffset now,
    bool dryRun)
{
    public Result<PreparedRedemption> Prepared { get; } = prepared;

    public RedeemRequest Request { get; } = request;

    public string Actor { get; } = actor;

    public IdempotencyKey? Key { get; } = key;

    /// <summary>When the call was made: the idempotency record's time.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>Run every statement, answer as a redemption would, keep nothing.</summary>
    public bool DryRun { get; } = dryRun;

    /// <summary>Completed by the writer; continuations run on the thread pool, not on the writer's loop.</summary>
    public TaskCompletionSource<Result<RedemptionOutcome>> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Applies pending redemptions in a transaction: a batch per commit on SQLite, one per call where the database allows concurrent writers.</summary>
internal interface IRedemptionWriter
{
    Task<Result<RedemptionOutcome>> WriteAsync(PendingRedemption pending);
}

/// <summary>
/// How redemptions are written: <c>Redemption:GroupCommit</c> (default true) batches them per commit on SQLite;
/// <c>Redemption:WriteGate</c> (default true) queues a call's own transaction in process on SQLite — off, SQLite's own
/// lock alone keeps writers apart, which the race tests run once to prove the statements and not the gate.
/// </summary>
public sealed record RedemptionOptions(bool GroupCommit = true, bool WriteGate = true);
