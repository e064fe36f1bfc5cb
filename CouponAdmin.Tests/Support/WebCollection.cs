using CouponAdmin.Tests.E2E;

namespace CouponAdmin.Tests.Support;

/// <summary>
/// Every test that starts the web host runs in this one collection, one after another: Hangfire keeps
/// process-wide state (its log provider and current storage), so two live hosts must not overlap. The
/// browser for the journeys is shared here too and starts only when a journey asks for it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Web host";
}
