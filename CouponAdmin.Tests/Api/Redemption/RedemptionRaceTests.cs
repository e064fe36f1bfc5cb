using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api.Redemption;

/// <summary>
/// Redeeming (docs/architecture.md): limits hold under concurrency. Each race releases all its requests at once from a gate and
/// is run 20 times on a fresh offer, so a read-then-write gap would show up as one redemption too many.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RedemptionRaceTests(RaceHostFactory factory) : RedemptionRaces<RaceHostFactory>(factory);
