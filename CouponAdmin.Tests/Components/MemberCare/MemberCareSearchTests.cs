using Bunit;
using CouponAdmin.Core.Access;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Tests.Offers;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Components.MemberCare;

/// <summary>Member care's one search box: a coupon code opens its holder with the coupon highlighted; rows open the customer.</summary>
public sealed class MemberCareSearchTests : PageTestContext
{
    public MemberCareSearchTests() => AddAuthorization().SetAuthorized("sam@support.example").SetRoles(Roles.Support);

    [Fact]
    public async Task ACouponCodeTypedAsTheCashierWroteItJumpsToItsHolder()
    {
        var (holder, code) = await HolderWithCouponAsync();
        var page = RenderPage<CouponAdmin.Components.Pages.MemberCare.MemberCare>();
        page.WaitForAssertion(() => page.Find("input#customer-search"), LoadTimeout);

        page.Find("input#customer-search").Change($"{code[..4].ToLowerInvariant()}-{code[4..]}");

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/member-care/{holder}?code={code}", navigation.Uri, StringComparison.Ordinal), LoadTimeout);
    }

    [Fact]
    public async Task AMobileNumberListsItsCustomerAndTheRowOpensThem()
    {
        var (holder, _) = await HolderWithCouponAsync();
        var page = RenderPage<CouponAdmin.Components.Pages.MemberCare.MemberCare>();
        page.WaitForAssertion(() => page.Find("input#customer-search"), LoadTimeout);

        page.Find("input#customer-search").Change("+919800000201");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.customer-row")), LoadTimeout);
        page.Find("tr.customer-row td").Click();

        page.WaitForAssertion(() => Assert.EndsWith($"/member-care/{holder}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal), LoadTimeout);
    }

    private async Task<(long Holder, string Code)> HolderWithCouponAsync()
    {
        var created = await Services.GetRequiredService<CreateOffer>().ExecuteAsync(TestOffers.Valid(), "test");
        Assert.True((await Services.GetRequiredService<ChangeOfferStatus>().ExecuteAsync(created.Value!.Id, OfferStatus.Active, "test")).IsSuccess);
        var customer = await Services.GetRequiredService<CustomerDirectory>().RegisterAsync(new RegisterCustomerRequest(Mobile: "+919800000201"));
        var issued = await Services.GetRequiredService<IssueCoupon>().ExecuteAsync(new(created.Value.Id, IdentifierType.Mobile, "+919800000201"), "test");
        Assert.True(issued.IsSuccess, issued.Error?.Message);
        return (customer.Value!.UserId, issued.Value!.Code);
    }
}
