using Bunit;
using CouponAdmin.Components.Pages.Incentives;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Tests.Offers;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Components;

/// <summary>The offer page's rule simulator: it finds the customer's coupon and asks Core's validation what a till would answer.</summary>
public sealed class RuleSimulatorTests : PageTestContext
{
    private const string Mobile = "+919800000001";
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    private async Task<(long OfferId, string Code)> OfferWithCouponAsync(Action<OfferDefinition> change)
    {
        var org = Services.GetRequiredService<OrgSetup>();
        Assert.True((await org.SetSettingsAsync("Asia/Kolkata", "INR", "test")).IsSuccess);
        Assert.True((await org.AddEntityAsync(new OrgEntityRequest(OrgEntityType.Zone, "Z1", "North"), "test")).IsSuccess);
        Assert.True((await org.AddEntityAsync(new OrgEntityRequest(OrgEntityType.Store, "S1", "Connaught Place", ParentId: "Z1", Currency: "INR"), "test")).IsSuccess);
        var created = await Services.GetRequiredService<CreateOffer>().ExecuteAsync(TestOffers.Valid(change), "test");
        Assert.True(created.IsSuccess, created.Error?.Message);
        var offerId = created.Value!.Id;
        Assert.True((await Services.GetRequiredService<ChangeOfferStatus>().ExecuteAsync(offerId, OfferStatus.Active, "test")).IsSuccess);
        Assert.True((await Services.GetRequiredService<CustomerDirectory>().RegisterAsync(new RegisterCustomerRequest(Mobile: Mobile))).IsSuccess);
        var issued = await new IssueCoupon(Database, TimeProvider.System).ExecuteAsync(new IssueCouponRequest(offerId, IdentifierType.Mobile, Mobile), "test");
        Assert.True(issued.IsSuccess, issued.Error?.Message);
        return (offerId, issued.Value!.Code);
    }

    private IRenderedComponent<RuleSimulator> RenderSimulator(long offerId) => RenderPage<RuleSimulator>(p => p.Add(x => x.OfferId, offerId));

    /// <summary>Enters the customer and waits until the code field shows their coupon.</summary>
    private static void EnterHolder(IRenderedComponent<RuleSimulator> simulator, string code)
    {
        simulator.WaitForAssertion(() => simulator.Find("input#sim-customer"), LoadTimeout);
        simulator.Find("input#sim-customer").Change(Mobile);
        simulator.WaitForAssertion(() => Assert.Equal(code, simulator.Find("input#sim-code").GetAttribute("value")), LoadTimeout);
    }

    private static void Simulate(IRenderedComponent<RuleSimulator> simulator, decimal bill, DateTime? localTime = null)
    {
        simulator.Find("input#sim-bill").Change(bill.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (localTime is { } at)
        {
            simulator.Find(".sim-date input").Change(at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            simulator.Find(".sim-time input").Change(at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        }

        simulator.Find("#simulate").Click();
    }

    [Fact]
    public async Task ABillBelowTheMinimumShowsTheRefusalCodeAndMessage()
    {
        var (offerId, code) = await OfferWithCouponAsync(o => o.Redemption.MinBill = 500m);
        var simulator = RenderSimulator(offerId);
        EnterHolder(simulator, code);

        Simulate(simulator, 100m);

        simulator.WaitForAssertion(() =>
        {
            Assert.Equal(ErrorCodes.BillAmountTooLow, simulator.Find(".sim-error-code").TextContent.Trim());
            Assert.Contains("below the offer's minimum of 500", simulator.Find("#sim-refusal").TextContent, StringComparison.Ordinal);
            Assert.Empty(simulator.FindAll("#sim-discount"));
        }, LoadTimeout);
    }

    [Fact]
    public async Task APassingBillShowsTheDiscountItWouldGive()
    {
        var (offerId, code) = await OfferWithCouponAsync(o => o.Redemption.MinBill = 500m);
        var simulator = RenderSimulator(offerId);
        EnterHolder(simulator, code);

        Simulate(simulator, 1200m);

        simulator.WaitForAssertion(() =>
        {
            Assert.Equal("120.00 INR", simulator.Find(".sim-amount").TextContent.Trim());
            Assert.Empty(simulator.FindAll("#sim-refusal"));
        }, LoadTimeout);
    }

    [Fact]
    public async Task TheChosenMomentInTheOrgsTimeZoneDecidesTheHourRule()
    {
        var (offerId, code) = await OfferWithCouponAsync(o => o.Redemption.Hours = [19]);
        var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Kolkata).Date.AddDays(1);
        var simulator = RenderSimulator(offerId);
        EnterHolder(simulator, code);

        Simulate(simulator, 1000m, tomorrow.AddHours(9));
        simulator.WaitForAssertion(() => Assert.Equal(ErrorCodes.OutsideRedemptionWindow, simulator.Find(".sim-error-code").TextContent.Trim()), LoadTimeout);

        Simulate(simulator, 1000m, tomorrow.AddHours(19).AddMinutes(15));
        simulator.WaitForAssertion(() => Assert.Equal("100.00 INR", simulator.Find(".sim-amount").TextContent.Trim()), LoadTimeout);
    }

    [Fact]
    public async Task ASaturdayMorningOnAWeekdayDaytimeOfferIsOutsideTheWindowAndTheAnswerNamesTheMomentJudged()
    {
        var (offerId, code) = await OfferWithCouponAsync(o =>
        {
            o.Redemption.DaysOfWeek = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
            o.Redemption.Hours = [.. Enumerable.Range(10, 10)];
        });
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Kolkata).Date;
        var saturday = today.AddDays(((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7 + 7).AddHours(8).AddMinutes(30);
        var simulator = RenderSimulator(offerId);
        EnterHolder(simulator, code);

        Simulate(simulator, 1000m, saturday);

        simulator.WaitForAssertion(() =>
        {
            Assert.Equal(ErrorCodes.OutsideRedemptionWindow, simulator.Find(".sim-error-code").TextContent.Trim());
            Assert.Equal($"Judged at {saturday.ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} 08:30 (Asia/Kolkata)",
                simulator.Find("#sim-moment").TextContent.Trim());
        }, LoadTimeout);
    }

    [Fact]
    public async Task EnteringACustomerKeepsACodeTheUserTyped()
    {
        var (offerId, code) = await OfferWithCouponAsync(o => o.Redemption.CustomerLimit = 1);
        var simulator = RenderSimulator(offerId);
        simulator.WaitForAssertion(() => simulator.Find("input#sim-code"), LoadTimeout);

        simulator.Find("input#sim-code").Change("TYPED-CODE");
        simulator.Find("input#sim-customer").Change(Mobile);

        simulator.WaitForAssertion(() =>
        {
            Assert.Contains($"holds {code}", simulator.Markup, StringComparison.Ordinal);
            Assert.Equal("TYPED-CODE", simulator.Find("input#sim-code").GetAttribute("value"));
        }, LoadTimeout);
    }

    [Fact]
    public async Task SimulatingChangesNothing()
    {
        var (offerId, code) = await OfferWithCouponAsync(o => o.Redemption.CustomerLimit = 1);
        var simulator = RenderSimulator(offerId);
        EnterHolder(simulator, code);

        Simulate(simulator, 1000m);
        simulator.WaitForAssertion(() => simulator.Find(".sim-amount"), LoadTimeout);

        await using var db = Database.CreateDbContext();
        Assert.Empty(db.Redemptions);
        Assert.Equal(CouponStatus.Issued, db.Coupons.Single(c => c.Code == code).Status);
    }

    [Fact]
    public async Task ACustomerWithoutACouponOfTheOfferIsToldSo()
    {
        var (offerId, _) = await OfferWithCouponAsync(o => o.Redemption.CustomerLimit = 1);
        Assert.True((await Services.GetRequiredService<CustomerDirectory>().RegisterAsync(new RegisterCustomerRequest(Mobile: "+919800000002"))).IsSuccess);
        var simulator = RenderSimulator(offerId);
        simulator.WaitForAssertion(() => simulator.Find("input#sim-customer"), LoadTimeout);

        simulator.Find("input#sim-customer").Change("+919800000002");

        simulator.WaitForAssertion(() =>
        {
            Assert.Contains("holds no coupon of this offer", simulator.Markup, StringComparison.Ordinal);
            Assert.True(string.IsNullOrEmpty(simulator.Find("input#sim-code").GetAttribute("value")));
        }, LoadTimeout);
    }
}
