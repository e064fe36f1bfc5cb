namespace CouponAdmin.Core.Persistence;

/// <summary>
/// One row counting changes to what the point-of-sale snapshot holds: offers, org settings, zones, stores, tills and
/// concepts, exchange rates and code spaces. Triggers on those tables raise it in the statement that changes them, so
/// it commits with the change whatever made it (a use case, an upload, a hand-written statement), and any node can tell
/// with one read of one row that its snapshot is out of date.
/// </summary>
public sealed class ConfigVersion
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    public long Version { get; private set; }

    /// <summary>
    /// When a zone, store, till or concept last changed (the database's clock, set by the same triggers): the in-store
    /// feed answers a till in full when what its store covers may have changed since the till last asked.
    /// </summary>
    public DateTimeOffset? StoresChangedAt { get; private set; }
}
