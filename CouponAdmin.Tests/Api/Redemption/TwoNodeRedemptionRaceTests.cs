using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api.Redemption;

/// <summary>
/// Every race with two web nodes on one database, the calls alternating between them (docs/decisions.md, "Several writers,
/// the same answers"): 200 redemptions of a code limited to 10, of one holder limited to 10, of 200 holders in a series
/// limited to 10, redemptions reversed through the other node, one Idempotency-Key and one POS transaction sent to both.
/// The limits are the statements', not one process's, so each still succeeds exactly as often as it allows and both nodes
/// read the same stored count. On PostgreSQL (the tests' second leg) this is the several-node set-up itself; on SQLite the
/// two hosts of one test process still share the in-process write gate, so there it proves less.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TwoNodeRedemptionRaceTests(TwoNodeRaceHostFactory factory) : RedemptionRaces<TwoNodeRaceHostFactory>(factory);
