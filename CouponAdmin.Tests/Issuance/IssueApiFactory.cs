using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Issuance;

/// <summary>
/// <see cref="CouponAdminFactory"/> without demo data, with the single parameterless constructor xUnit needs to build a
/// class fixture (it cannot fill the base class's optional <c>seedDemo</c> argument).
/// </summary>
public sealed class IssueApiFactory : CouponAdminFactory
{
    public IssueApiFactory()
        : base(seedDemo: false)
    {
    }
}
