using CouponAdmin.Core.Issuance;
using CouponAdmin.Tests.Offers;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Issuance;

/// <summary>
/// The bulk paths' coupon-row writer of the provider under test (docs/architecture.md, "Persistence"): SQLite's prepared
/// multi-row INSERT, PostgreSQL's binary COPY. Whichever it is, every column arrives as written — nulls, instants,
/// transfer numbers — across its buffer's boundaries, with the caller's own statements between flushes, and only when the
/// caller's transaction commits.
/// </summary>
public sealed class CouponRowWriterTests : IAsyncLifetime
{
    // More than one COPY stream (8,192 rows) and not a multiple of the INSERT's 128 rows.
    private const int Rows = 10_000;

    private readonly IssuanceTestBed _bed = new();

    public Task InitializeAsync() => _bed.InitializeAsync();

    public Task DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task IssuedRowsArriveWithEveryColumnAsWritten()
    {
        var offer = await _bed.ActiveOfferAsync(_ => { });
        var customers = await _bed.CustomersAsync(2);
        var now = new DateTimeOffset(2026, 11, 27, 10, 15, 30, 123, TimeSpan.Zero).AddTicks(4567);
        var expires = now.AddDays(30);

        await using (var db = _bed.Database.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            using var writer = db.Dialect.CouponRows(db, new CouponBatch(offer.Id, Shared: false, CodeSpaceId: 77, now, expires));
            for (var i = 0; i < Rows; i++)
            {
                writer.Add($"ROW{i:D6}", index: i, customerId: i % 3 == 0 ? null : customers[i % 2]);
                if (i == Rows / 2)
                {
                    // The caller's own statement between two of the writer's: the connection is free between them.
                    Assert.Equal(1, await db.Offers.CountAsync(o => o.Id == offer.Id));
                }
            }

            writer.Flush();
            await tx.CommitAsync();
        }

        var coupons = await _bed.CouponsAsync(offer.Id);
        Assert.Equal(Rows, coupons.Count);
        for (var i = 0; i < Rows; i++)
        {
            var c = coupons[i];
            Assert.Equal(($"ROW{i:D6}", (long?)i, i % 3 == 0 ? null : (long?)customers[i % 2]), (c.Code, c.CodeIndex, c.CustomerId));
            Assert.Equal((false, (long?)77, CouponStatus.Issued, 0, 0), (c.IsShared, c.CodeSpaceId, c.Status, c.RedemptionCount, c.TransferSeq));
            Assert.Equal((now, expires, now), (c.IssuedAt, c.ExpiresAt, c.LastStatusChangeAt));
        }
    }

    [Fact]
    public async Task UnissuedPoolCodesCarryTheirTransferNumbersAndNoIssueInstants()
    {
        var offer = await _bed.ActiveOfferAsync(_ => { });
        var now = TestOffers.Now;
        await using (var db = _bed.Database.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            using var writer = db.Dialect.CouponRows(db, new CouponBatch(offer.Id, Shared: false, CodeSpaceId: null, now, ExpiresAt: now.AddDays(1), Issued: false, TransferSeqs: true));
            writer.Add("POOLA", index: null, customerId: null, transferSeq: 0);
            writer.Add("POOLA", index: null, customerId: null, transferSeq: 1);
            writer.Flush();
            await tx.CommitAsync();
        }

        var coupons = await _bed.CouponsAsync(offer.Id);
        Assert.Equal([("POOLA", 0), ("POOLA", 1)], coupons.Select(c => (c.Code, c.TransferSeq)));
        Assert.All(coupons, c => Assert.Equal<(CouponStatus, DateTimeOffset?, DateTimeOffset?, long?, DateTimeOffset)>((CouponStatus.Unissued, null, null, null, now),
            (c.Status, c.IssuedAt, c.ExpiresAt, c.CodeSpaceId, c.LastStatusChangeAt)));
    }

    [Fact]
    public async Task RowsOfATransactionThatDoesNotCommitAreNotKept()
    {
        var offer = await _bed.ActiveOfferAsync(_ => { });
        await using (var db = _bed.Database.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            using var writer = db.Dialect.CouponRows(db, new CouponBatch(offer.Id, Shared: true, CodeSpaceId: null, TestOffers.Now, ExpiresAt: null));
            for (var i = 0; i < Rows; i++)
            {
                writer.Add("COMMON1", index: null, customerId: null);
            }

            writer.Flush();
            await tx.RollbackAsync();
        }

        Assert.Empty(await _bed.CouponsAsync(offer.Id));
    }

    [Fact]
    public async Task ATransferNumberIsRefusedByAWriterMadeWithoutThem()
    {
        var offer = await _bed.ActiveOfferAsync(_ => { });
        await using var db = _bed.Database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        using var writer = db.Dialect.CouponRows(db, new CouponBatch(offer.Id, Shared: false, CodeSpaceId: null, TestOffers.Now, ExpiresAt: null));
        Assert.Throws<InvalidOperationException>(() => writer.Add("X1", index: null, customerId: null, transferSeq: 2));
    }
}
