using System.Globalization;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Core.Uploads;
using CouponAdmin.Tests.Uploads;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Codes;

/// <summary>
/// Codes are one namespace per org. Random mixes of every source — an auto-unique space ("1" + 4 digits), a randomized
/// common space inside it ("12" + 3 digits), common codes and uploaded codes of the same shape, issued one by one, by bulk
/// issuance and by upload files, with spaces created before or after the other codes — never give two coupons one code,
/// and the redeem path finds every issued code. The spaces are tiny so that their codes collide often.
/// </summary>
public class CodeNamespacePropertyTests
{
    private const int Customers = 40;

    [Property(MaxTest = 10, EndSize = 30)]
    public void NoTwoSourcesShareACodeAndEveryIssuedCodeIsFound(int[] plan) =>
        Task.Run(() => RunAsync(plan)).GetAwaiter().GetResult();

    private static async Task RunAsync(int[] plan)
    {
        await using var bed = new World();
        await bed.InitializeAsync();
        foreach (var step in plan.Take(30))
        {
            await bed.ApplyAsync((uint)step);
        }

        await bed.AssertOneNamespaceAsync();
    }

    private sealed class World : IAsyncDisposable
    {
        private readonly UploadTestBed _uploads = new();
        private List<long> _customers = [];
        private Offer? _auto;
        private Offer? _randomized;
        private Offer? _uploaded;

        private Tests.Issuance.IssuanceTestBed Bed => _uploads.Issuance;

        public async Task InitializeAsync()
        {
            await _uploads.InitializeAsync();
            _customers = await Bed.CustomersAsync(Customers);
        }

        public async Task ApplyAsync(uint step)
        {
            var arg = (int)(step / 6 % 1000);
            switch (step % 6)
            {
                case 0:
                    var auto = _auto ??= await Bed.ActiveOfferAsync(o => o.Coupon.Generation = new() { Method = GenerationMethod.AutoUnique, Length = 4, Alphabet = CodeAlphabet.Numeric, Prefix = "1" });
                    await IssueSingleAsync(auto, arg, 10);
                    break;
                case 1:
                    await IssueSingleAsync(await RandomizedAsync(), arg, 10);
                    break;
                case 2:
                    _auto ??= await Bed.ActiveOfferAsync(o => o.Coupon.Generation = new() { Method = GenerationMethod.AutoUnique, Length = 4, Alphabet = CodeAlphabet.Numeric, Prefix = "1" });
                    var rows = string.Concat(Enumerable.Range(0, 30).Select(i => $"userId,{_customers[(arg + i) % Customers]}\n"));
                    await _uploads.UploadAsync(UploadKind.Customers, _auto.Id, "identifierType,identifier\n" + rows);
                    break;
                case 3:
                    var bulk = new BulkIssue(Bed.Database, Bed.Clock);
                    var run = await bulk.StartAsync(new BulkIssueRequest((await RandomizedAsync()).Id), World.Actor);
                    await bulk.RunAsync(run.Value!.Id, chunkSize: 7);
                    break;
                case 4:
                    var common = await Bed.CreateOfferAsync(o =>
                    {
                        o.Coupon.Generation = new() { Method = GenerationMethod.Common, CommonCode = Code(arg) };
                        o.Redemption = new() { CustomerLimit = 1 };
                    });
                    if (common.IsSuccess)
                    {
                        await new ChangeOfferStatus(Bed.Database, Bed.Clock).ExecuteAsync(common.Value!.Id, OfferStatus.Active, World.Actor);
                        await Bed.IssueAsync(common.Value.Id, _customers[arg % Customers]);
                    }
                    else
                    {
                        Assert.Contains("already a code of offer", common.Error!.Message, StringComparison.Ordinal);
                    }

                    break;
                default:
                    _uploaded ??= await Bed.ActiveOfferAsync(o => o.Coupon.Generation = new() { Method = GenerationMethod.Uploaded });
                    await _uploads.UploadAsync(UploadKind.Codes, _uploaded.Id, $"code,identifierType,identifier\n{Code(arg)},userId,{_customers[arg % Customers]}\n");
                    break;
            }
        }

        public async Task AssertOneNamespaceAsync()
        {
            var coupons = await Bed.QueryAsync(db => db.Coupons.AsNoTracking().ToListAsync());
            foreach (var group in coupons.GroupBy(c => c.Code))
            {
                Assert.True(group.Select(c => c.OfferId).Distinct().Count() == 1, $"Code {group.Key} belongs to offers {string.Join(", ", group.Select(c => c.OfferId))}.");
                Assert.True(group.All(c => c.IsShared) || group.Count() == 1, $"Code {group.Key} is on {group.Count()} coupons.");
            }

            var validate = new ValidateCoupon(Bed.Database, Bed.Clock);
            foreach (var coupon in coupons.Where(c => c.CustomerId is not null))
            {
                var found = await Bed.QueryAsync(async db => await (await CouponLookup.ByCodeAsync(db, coupon.Code, default)).AsNoTracking().ToListAsync());
                Assert.Contains(found, c => c.Id == coupon.Id);
                var answer = await validate.ExecuteAsync(new RedeemRequest(coupon.Code, IdentifierType.UserId, coupon.CustomerId!.Value.ToString(CultureInfo.InvariantCulture),
                    null, "S1", 1000m, null, "PROPERTY-1"));
                Assert.True(answer.IsSuccess ? answer.Value!.OfferId == coupon.OfferId : answer.Error!.Code != "COUPON_NOT_FOUND",
                    $"Validating {coupon.Code} of offer {coupon.OfferId}: {(answer.IsSuccess ? $"offer {answer.Value!.OfferId}" : answer.Error!.Message)}");
            }
        }

        public async ValueTask DisposeAsync() => await _uploads.DisposeAsync();

        private const string Actor = Tests.Issuance.IssuanceTestBed.Actor;

        private static string Code(int arg) => "12" + arg.ToString("000", CultureInfo.InvariantCulture);

        private async Task<Offer> RandomizedAsync() =>
            _randomized ??= await Bed.ActiveOfferAsync(o =>
            {
                o.Coupon.Generation = new() { Method = GenerationMethod.RandomizedCommon, SampleCode = "12345" };
                o.Issual = new() { MaxPerCustomer = null };
            });

        private async Task IssueSingleAsync(Offer offer, int first, int count)
        {
            for (var i = 0; i < count; i++)
            {
                await Bed.IssueAsync(offer.Id, _customers[(first + i) % Customers]);
            }
        }
    }
}
