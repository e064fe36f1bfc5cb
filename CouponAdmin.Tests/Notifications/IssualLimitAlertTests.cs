using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Uploads;
using CouponAdmin.Tests.Issuance;
using netDumbster.smtp;

namespace CouponAdmin.Tests.Notifications;

/// <summary>
/// "Notify the brand POCs when N remain", end to end: issuing past the threshold writes one e-mail per POC in the issuing
/// transaction, and delivery hands it to a real SMTP server in the process — once, whatever is issued afterwards.
/// </summary>
public sealed class IssualLimitAlertTests : IAsyncLifetime, IDisposable
{
    private static readonly List<string> Pocs = ["ops@brand.example", "Marketing@Brand.example"];
    private readonly NotificationTestBed _bed = new();
    private readonly SimpleSmtpServer _smtp = SimpleSmtpServer.Start();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    public void Dispose() => _smtp.Dispose();

    private int Port => _smtp.Configuration.Port;

    [Fact]
    public async Task IssuingOneByOnePastTheThresholdMailsEachPocOnceWithTheNumbers()
    {
        var offer = await LimitedOfferAsync(limit: 5, notifyWhen: 2);
        var customers = await CustomersAsync(5);

        await IssueAsync(offer, customers[..2]);
        await _bed.DeliverAsync(Port);
        Assert.Equal(0, _smtp.ReceivedEmailCount);

        await IssueAsync(offer, customers[2..3]);
        await _bed.DeliverAsync(Port);

        var mails = NotificationTestBed.Received(_smtp);
        Assert.Equal(["marketing@brand.example", "ops@brand.example"], mails.Select(NotificationTestBed.To).Order(StringComparer.Ordinal));
        var mail = mails[0];
        Assert.Equal("Alert test: 2 of 5 coupons left to issue", mail.Subject);
        Assert.Contains($"The offer \"Alert test\" (id {offer.Id}) has issued 3 of its 5 coupons: 2 remain.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("when 2 or fewer remain", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://admin.shop.example/incentives/{offer.Id}", mail.TextBody, StringComparison.Ordinal);

        await IssueAsync(offer, customers[3..]);
        await _bed.DeliverAsync(Port);

        Assert.Equal(2, _smtp.ReceivedEmailCount);
        Assert.All(await _bed.OutboxAsync(), m => Assert.Equal((MessageStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task ABulkIssuanceThatCrossesTheThresholdMailsOnceAndALaterRunDoesNotAgain()
    {
        var offer = await LimitedOfferAsync(limit: 10, notifyWhen: 3, o =>
        {
            o.Coupon.Generation = new GenerationSettings { Method = GenerationMethod.RandomizedCommon, SampleCode = "ALRTB12345" };
            o.BrandPocEmails = ["ops@brand.example"];
        });
        await CustomersAsync(8);
        var bulk = new BulkIssue(_bed.Issuance.Database, _bed.Issuance.Clock, _bed.Options);

        var first = await bulk.RunAsync((await bulk.StartAsync(new BulkIssueRequest(offer.Id), IssuanceTestBed.Actor)).Value!.Id, chunkSize: 3);
        await _bed.DeliverAsync(Port);
        await CustomersAsync(2);
        var second = await bulk.RunAsync((await bulk.StartAsync(new BulkIssueRequest(offer.Id), IssuanceTestBed.Actor)).Value!.Id, chunkSize: 3);
        await _bed.DeliverAsync(Port);

        Assert.Equal((8, 2), (first.Issued, second.Issued));
        var mail = Assert.Single(NotificationTestBed.Received(_smtp));
        Assert.Equal("ops@brand.example", NotificationTestBed.To(mail));
        // Chunks of 3 leave 7, 4, then 2 remaining: the alert comes with the first chunk at or below the threshold of 3.
        Assert.Contains("has issued 8 of its 10 coupons: 2 remain.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadThatCrossesTheThresholdMailsOnce()
    {
        var offer = await LimitedOfferAsync(limit: 4, notifyWhen: 1, o => o.Issual.MaxPerCustomer = 3);
        var user = (await CustomersAsync(1))[0];

        await _bed.Uploads.UploadAsync(UploadKind.Customers, offer.Id, Uploads.UploadTestBed.CustomerRows(user, 3));
        await _bed.Uploads.UploadAsync(UploadKind.Customers, offer.Id, Uploads.UploadTestBed.CustomerRows((await CustomersAsync(1))[0], 1));
        await _bed.DeliverAsync(Port);

        Assert.Equal(2, _smtp.ReceivedEmailCount);
        Assert.All(NotificationTestBed.Received(_smtp), m => Assert.Contains("has issued 3 of its 4 coupons: 1 remain.", m.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RaisingTheLimitArmsTheAlertAgain()
    {
        var offer = await LimitedOfferAsync(limit: 3, notifyWhen: 1, o => o.BrandPocEmails = ["ops@brand.example"]);
        var customers = await CustomersAsync(5);
        await IssueAsync(offer, customers[..2]);

        var raised = Offer.Clone(offer.Definition);
        raised.Issual.TotalLimit = 6;
        Assert.True((await new UpdateOffer(_bed.Issuance.Database, _bed.Issuance.Clock).ExecuteAsync(offer.Id, raised, IssuanceTestBed.Actor)).IsSuccess);
        await IssueAsync(offer, customers[2..4]);
        Assert.Single(await _bed.OutboxAsync());
        await IssueAsync(offer, customers[4..]);
        await _bed.DeliverAsync(Port);

        var subjects = NotificationTestBed.Received(_smtp).Select(m => m.Subject).Order(StringComparer.Ordinal);
        Assert.Equal(["Alert test: 1 of 3 coupons left to issue", "Alert test: 1 of 6 coupons left to issue"], subjects);
    }

    [Fact]
    public async Task AnOfferWithoutPocsKeepsTheAlertInTheOutboxAsSkipped()
    {
        var offer = await LimitedOfferAsync(limit: 2, notifyWhen: 1, o => o.BrandPocEmails = []);

        await IssueAsync(offer, await CustomersAsync(1));

        var message = Assert.Single(await _bed.OutboxAsync());
        Assert.Equal(MessageStatus.Skipped, message.Status);
        Assert.Equal($"Offer {offer.Id} has no brand POC e-mail addresses.", message.Note);
    }

    private Task<Offer> LimitedOfferAsync(int limit, int notifyWhen, Action<OfferDefinition>? change = null) =>
        _bed.Issuance.ActiveOfferAsync(o =>
        {
            o.Name = "Alert test";
            o.BrandPocEmails = Pocs;
            o.Issual.TotalLimit = limit;
            o.Issual.NotifyWhenRemaining = notifyWhen;
            change?.Invoke(o);
        });

    private async Task<long[]> CustomersAsync(int count)
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await _bed.CustomerAsync();
        }

        return ids;
    }

    private async Task IssueAsync(Offer offer, IEnumerable<long> customers)
    {
        var issuer = new IssueCoupon(_bed.Issuance.Database, _bed.Issuance.Clock, _bed.Options);
        foreach (var customer in customers)
        {
            var issued = await issuer.ExecuteAsync(new IssueCouponRequest(offer.Id, Core.Customers.IdentifierType.UserId, NotificationTestBed.Text(customer)), IssuanceTestBed.Actor);
            Assert.True(issued.IsSuccess, issued.Error?.Message);
        }
    }
}
