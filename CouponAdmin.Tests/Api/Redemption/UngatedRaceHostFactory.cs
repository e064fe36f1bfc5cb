namespace CouponAdmin.Tests.Api.Redemption;

/// <summary>A race host whose redemptions skip group commit and the write gate (<c>Redemption:GroupCommit</c>, <c>Redemption:WriteGate</c>).</summary>
public sealed class UngatedRaceHostFactory : RaceHostFactory
{
    public UngatedRaceHostFactory() =>
        Settings = new Dictionary<string, string>(Unlimited()) { ["Redemption:GroupCommit"] = "false", ["Redemption:WriteGate"] = "false" };
}
