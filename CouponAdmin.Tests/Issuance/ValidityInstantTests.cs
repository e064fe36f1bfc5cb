using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Uploads;
using CouponAdmin.Tests.Redemption;

namespace CouponAdmin.Tests.Issuance;

/// <summary>
/// One validity rule for every path: a coupon is valid up to and including its expiry instant and expired one tick
/// later — for "send the existing coupon" on a single issue and in an upload, for redeeming, and for transfer.
/// </summary>
public sealed class ValidityInstantTests : IAsyncLifetime
{
    private readonly RedemptionTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public void TheRuleItselfIncludesTheInstantAndNotTheNextTick()
    {
        var expiry = new DateTimeOffset(2025, 11, 12, 18, 29, 59, TimeSpan.Zero);

        Assert.True(Coupon.ValidAt(expiry, expiry));
        Assert.False(Coupon.ValidAt(expiry, expiry.AddTicks(1)));
        Assert.True(Coupon.ValidAt(null, DateTimeOffset.MaxValue));
    }

    [Theory]
    [InlineData(0, "ISSUED")]
    [InlineData(1, ErrorCodes.MaxIssualsPerCustomerExceeded)]
    public async Task ASingleIssueSendsTheExistingCouponUpToItsExpiryInstant(long ticksAfter, string expected)
    {
        var (offer, customer, coupon) = await ExistingCouponAsync();
        _bed.Clock.SetUtcNow(coupon.ExpiresAt!.Value.AddTicks(ticksAfter));

        var again = await _bed.Issuance.IssueAsync(offer.Id, customer);

        Assert.Equal(expected, IssuanceTestBed.Outcomes([again]).Single());
        Assert.Equal(ticksAfter == 0, again.Value?.Existing == true && again.Value.Code == coupon.Code);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public async Task AnUploadSendsTheExistingCouponUpToItsExpiryInstant(long ticksAfter, bool sent)
    {
        var (offer, customer, coupon) = await ExistingCouponAsync();
        _bed.Clock.SetUtcNow(coupon.ExpiresAt!.Value.AddTicks(ticksAfter));
        var folder = Directory.CreateTempSubdirectory("couponadmin-validity-");
        try
        {
            var store = new UploadStore(new UploadOptions(folder.FullName, UploadOptions.DefaultMaxFileBytes));
            var started = await new StartUpload(_bed.Database, store, _bed.Clock).ExecuteAsync(new StartUploadRequest(UploadKind.Customers, offer.Id, "rows.csv",
                new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"identifierType,identifier\nuserId,{customer}\n")), false), "test");
            var done = await new RunUpload(_bed.Database, store, new UploadProcessors(), _bed.Clock).ExecuteAsync(started.Value!.Id);

            Assert.Equal(sent ? 1 : 0, done.SucceededRows);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, ErrorCodes.CouponExpired)]
    public async Task RedeemingWorksUpToTheExpiryInstant(long ticksAfter, string? refusal)
    {
        var (_, customer, coupon) = await ExistingCouponAsync();

        var redeemed = await _bed.RedeemAsync(coupon.Code, customer, at: coupon.ExpiresAt!.Value.AddTicks(ticksAfter));

        Assert.Equal(refusal, redeemed.Error?.Code);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, ErrorCodes.CouponNotTransferable)]
    public async Task ATransferWorksUpToTheExpiryInstant(long ticksAfter, string? refusal)
    {
        var (_, _, coupon) = await ExistingCouponAsync();
        var other = await _bed.CustomerAsync();
        _bed.Clock.SetUtcNow(coupon.ExpiresAt!.Value.AddTicks(ticksAfter));

        var moved = await new TransferCoupon(_bed.Database, _bed.Clock, _bed.Queries)
            .ExecuteAsync(new TransferCouponRequest(coupon.Code, Core.Customers.IdentifierType.UserId, $"{other}"), "test");

        Assert.Equal(refusal, moved.Error?.Code);
    }

    /// <summary>An offer whose coupons last until the end of their issue day, and one issued coupon of it.</summary>
    private async Task<(Offer Offer, long Customer, Coupon Coupon)> ExistingCouponAsync()
    {
        var offer = await _bed.ActiveOfferAsync(o =>
        {
            o.Coupon.Expiry = new ExpirySettings { Mode = ExpiryMode.DaysFromIssual, Value = 0 };
            o.Issual.MaxPerCustomer = 1;
            o.Issual.OnRepeatMatch = RepeatMatchAction.SendExisting;
        });
        var customer = await _bed.CustomerAsync();
        await _bed.IssuedCodeAsync(offer.Id, customer);
        var coupon = (await _bed.Issuance.CouponsAsync(offer.Id)).Single();
        return (offer, customer, coupon);
    }
}
