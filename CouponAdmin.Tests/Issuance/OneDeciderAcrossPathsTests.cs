using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Uploads;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Issuance;

/// <summary>
/// One issual decider for every path: each scenario — the seed's four upload scenarios, the audience list, the past-issual
/// restriction, the gap and a generic (common) code — run one coupon at a time, as an upload file and as bulk issuance
/// gives the same coupons. A scenario is rounds of customers; single issues and file rows take them in order, bulk
/// issuance runs once per round over the database's customers (each scenario's database holds exactly its customers).
/// </summary>
public sealed class OneDeciderAcrossPathsTests
{
    public enum IssuePath { Single, Upload, Bulk }

    /// <summary>A scenario: the offer, rounds of customer numbers (0-based), and the coupons each customer ends with.</summary>
    private sealed record Scenario(Action<OfferDefinition> Offer, int Customers, int[][] Rounds, int[] CouponsPerCustomer, string[] Refusals,
        bool PastIssualOfFirst = false, bool AudienceIsFirst = false);

    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["max 3 per customer, 4 rows, again 4, again 1"] = new(o => o.Issual.MaxPerCustomer = 3, 1,
            [[0], [0], [0], [0], [0], [0], [0], [0], [0]], [3], [ErrorCodes.MaxIssualsPerCustomerExceeded]),
        ["min gap 1 day, 4 rows"] = new(o => { o.Issual.MaxPerCustomer = 3; o.Issual.MinGapDays = 1; }, 1, [[0], [0], [0], [0]], [1], [ErrorCodes.MinIssualGapNotMet]),
        ["series limit 2, 4 rows"] = new(o => o.Issual.TotalLimit = 2, 1, [[0], [0], [0], [0]], [2], [ErrorCodes.SeriesIssualLimitExceeded]),
        ["generic code, 4 rows, again 4"] = new(o =>
        {
            o.Coupon.Generation = new GenerationSettings { Method = GenerationMethod.Common, CommonCode = $"GEN{Guid.NewGuid():N}"[..12] };
            o.Redemption = new RedemptionSettings { CustomerLimit = 1 };
        }, 1, [[0], [0], [0], [0], [0], [0], [0], [0]], [1], [ErrorCodes.GenericAlreadyIssued]),
        ["audience of the first of two"] = new(o => o.Coupon.SpecificCustomersOnly = true, 2, [[0, 1]], [1, 0], [ErrorCodes.CustomerNotInAudience],
            AudienceIsFirst: true),
        ["past issual of the first of two"] = new(o => { }, 2, [[0, 1]], [0, 1], [ErrorCodes.RestrictedByPastIssual], PastIssualOfFirst: true),
        ["three customers, max 1, two rounds"] = new(o => o.Issual.MaxPerCustomer = 1, 3, [[0, 1, 2], [0, 1, 2]], [1, 1, 1], [ErrorCodes.MaxIssualsPerCustomerExceeded]),
    };

    public static TheoryData<string, IssuePath> Cases()
    {
        var data = new TheoryData<string, IssuePath>();
        foreach (var name in Scenarios.Keys)
        {
            foreach (var path in Enum.GetValues<IssuePath>())
            {
                data.Add(name, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryPathGivesTheSameCoupons(string scenario, IssuePath path)
    {
        var s = Scenarios[scenario];
        await using var bed = new Bed();
        await bed.InitializeAsync();
        var customers = await bed.Issuance.CustomersAsync(s.Customers);
        var restricting = s.PastIssualOfFirst ? await bed.Issuance.ActiveOfferAsync(_ => { }) : null;
        if (restricting is not null)
        {
            Assert.True((await bed.Issuance.IssueAsync(restricting.Id, customers[0])).IsSuccess);
        }

        var offer = await bed.Issuance.ActiveOfferAsync(o =>
        {
            s.Offer(o);
            if (restricting is not null)
            {
                o.Issual.RestrictPastOfferIds = [restricting.Id];
            }
        });
        if (s.AudienceIsFirst)
        {
            await bed.UploadAsync(UploadKind.Audience, offer.Id, $"identifierType,identifier\nuserId,{customers[0]}\n");
        }

        var refusals = await bed.RunAsync(path, offer.Id, [.. s.Rounds.Select(r => r.Select(i => customers[i]).ToArray())]);

        var coupons = await bed.Issuance.CouponsAsync(offer.Id);
        Assert.Equal(s.CouponsPerCustomer, customers.Select(c => coupons.Count(x => x.CustomerId == c)));
        Assert.Equal(coupons.Count, await bed.Issuance.IssuedCountAsync(offer.Id));
        if (path != IssuePath.Bulk)
        {
            // Bulk issuance skips the customers a rule refuses; the other paths name the rule.
            Assert.Equal(s.Refusals, refusals.Distinct());
        }
    }

    /// <summary>The issuance world plus uploads and bulk issuance on the same database.</summary>
    private sealed class Bed : IAsyncDisposable
    {
        private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("couponadmin-paths-");

        public IssuanceTestBed Issuance { get; } = new();

        public Task InitializeAsync() => Issuance.InitializeAsync();

        public async Task<List<string>> RunAsync(IssuePath path, long offerId, long[][] rounds)
        {
            var refusals = new List<string>();
            switch (path)
            {
                case IssuePath.Single:
                    foreach (var customer in rounds.SelectMany(r => r))
                    {
                        var result = await Issuance.IssueAsync(offerId, customer);
                        refusals.AddRange(result.IsSuccess ? [] : [result.Error!.Code]);
                    }

                    break;
                case IssuePath.Upload:
                    var rows = string.Concat(rounds.SelectMany(r => r).Select(c => $"userId,{c}\n"));
                    var upload = await UploadAsync(UploadKind.Customers, offerId, "identifierType,identifier\n" + rows);
                    refusals.AddRange((await Issuance.QueryAsync(db => db.UploadIssues.Where(i => i.UploadId == upload.Id).OrderBy(i => i.Row).ToListAsync()))
                        .Select(i => i.Error));
                    break;
                default:
                    var bulk = new BulkIssue(Issuance.Database, Issuance.Clock);
                    foreach (var _ in rounds)
                    {
                        await bulk.RunAsync((await bulk.StartAsync(new BulkIssueRequest(offerId), IssuanceTestBed.Actor)).Value!.Id);
                    }

                    break;
            }

            return refusals;
        }

        public async Task<Upload> UploadAsync(UploadKind kind, long offerId, string csv)
        {
            var store = new UploadStore(new UploadOptions(_files.FullName, UploadOptions.DefaultMaxFileBytes));
            var started = await new StartUpload(Issuance.Database, store, Issuance.Clock)
                .ExecuteAsync(new StartUploadRequest(kind, offerId, "rows.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), false), IssuanceTestBed.Actor);
            return await new RunUpload(Issuance.Database, store, new UploadProcessors(), Issuance.Clock).ExecuteAsync(started.Value!.Id);
        }

        public async ValueTask DisposeAsync()
        {
            await Issuance.DisposeAsync();
            _files.Delete(recursive: true);
        }
    }
}
