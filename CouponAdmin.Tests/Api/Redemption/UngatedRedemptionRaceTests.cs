using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api.Redemption;

/// <summary>
/// The same races with each call in its own transaction and no in-process write gate: only the statements' conditions
/// and the database's lock keep the limits, so a read-then-write regression in the SQL would show here.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class UngatedRedemptionRaceTests(UngatedRaceHostFactory factory) : RedemptionRaces<UngatedRaceHostFactory>(factory);
