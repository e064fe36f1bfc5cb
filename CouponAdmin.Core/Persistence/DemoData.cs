using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Persistence;

/// <summary>A small, believable org for a newcomer's first start: 2 zones, 4 stores, tills, a concept, 200 customers, 3 offers.</summary>
public sealed class DemoData(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    private static readonly string[] FirstNames = ["Asha", "Ravi", "Meera", "Kabir", "Isha", "Arjun", "Nina", "Dev", "Zara", "Vikram"];
    private static readonly string[] LastNames = ["Rao", "Shah", "Iyer", "Khan", "Das", "Menon", "Gupta", "Nair", "Bose", "Singh"];

    /// <summary>Seeds only an empty database; returns whether it did.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Offers.AnyAsync(ct) || await db.OrgEntities.AnyAsync(ct) || await db.Customers.AnyAsync(ct))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        db.OrgSettings.Add(new OrgSettings { TimeZone = "Asia/Kolkata", BaseCurrency = "INR" });
        db.ExchangeRates.Add(new ExchangeRate("USD", "INR", 83.20m));
        db.OrgEntities.AddRange(
            new OrgEntity(OrgEntityType.Concept, "C-EXPRESS", "Express stores"),
            new OrgEntity(OrgEntityType.Zone, "Z-NORTH", "North zone"),
            new OrgEntity(OrgEntityType.Zone, "Z-SOUTH", "South zone"),
            new OrgEntity(OrgEntityType.Store, "S-DEL-01", "Delhi Connaught Place", "Z-NORTH", "C-EXPRESS", "INR"),
            new OrgEntity(OrgEntityType.Store, "S-DEL-02", "Delhi Saket", "Z-NORTH", null, "INR"),
            new OrgEntity(OrgEntityType.Store, "S-BLR-01", "Bengaluru Indiranagar", "Z-SOUTH", "C-EXPRESS", "INR"),
            new OrgEntity(OrgEntityType.Store, "S-CHN-01", "Chennai T. Nagar", "Z-SOUTH", null, "INR"),
            new OrgEntity(OrgEntityType.Till, "T-DEL-01-1", "Till 1", "S-DEL-01"),
            new OrgEntity(OrgEntityType.Till, "T-DEL-01-2", "Till 2", "S-DEL-01"),
            new OrgEntity(OrgEntityType.Till, "T-DEL-02-1", "Till 1", "S-DEL-02"),
            new OrgEntity(OrgEntityType.Till, "T-BLR-01-1", "Till 1", "S-BLR-01"),
            new OrgEntity(OrgEntityType.Till, "T-CHN-01-1", "Till 1", "S-CHN-01"));

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var i = 0; i < 200; i++)
        {
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[i / FirstNames.Length % LastNames.Length];
            db.Customers.Add(new Customer
            {
                UserId = 1001 + i,
                ExternalId = $"EXT-{1001 + i}",
                Mobile = $"+9198000{i:D5}",
                Email = $"{first}.{last}{i}@example.com".ToLowerInvariant(),
                Name = $"{first} {last}",
                RegisteredOn = today.AddDays(-(i * 7 % 900)),
                TransactionCount = i % 12,
            });
        }

        await db.SaveChangesAsync(ct);

        // Offers go through the product's own use cases, so they get their reserved codes and code spaces.
        var create = new CreateOffer(dbFactory, clock);
        var activate = new ChangeOfferStatus(dbFactory, clock);
        var offers = new List<Offer>();
        foreach (var (definition, active) in Offers(now))
        {
            var offer = (await create.ExecuteAsync(definition, "demo", ct)).Value ?? throw new InvalidOperationException($"Demo offer '{definition.Name}' is invalid.");
            if (active)
            {
                await activate.ExecuteAsync(offer.Id, OfferStatus.Active, "demo", ct);
            }

            offers.Add(offer);
        }

        await LastWeekAsync(offers[0].Id, now, ct);
        return true;
    }

    /// <summary>
    /// A week of the welcome offer in use, so the dashboard and the offer page have something to show: 48 customers
    /// (numbers 100 to 147, which nothing else in the demo touches) get a coupon on one of the last six days, and those
    /// who qualify as new customers redeem it a few hours later. Goes through the real use cases at a shifted clock.
    /// </summary>
    private async Task LastWeekAsync(long welcomeOfferId, DateTimeOffset now, CancellationToken ct)
    {
        for (var i = 100; i < 148; i++)
        {
            var issuedAt = now.AddDays(-(1 + (i % 6))).AddHours(-(i % 5));
            var mobile = $"+9198000{i:D5}";
            var issued = await new Issuance.IssueCoupon(dbFactory, new ShiftedClock(clock, issuedAt - now))
                .ExecuteAsync(new Issuance.IssueCouponRequest(welcomeOfferId, Customers.IdentifierType.Mobile, mobile), "demo", ct);
            if (issued.IsSuccess && i % 12 <= 3)
            {
                await new Redemption.RedeemCoupon(dbFactory, clock).ExecuteAsync(new Redemption.RedeemRequest(issued.Value.Code, Customers.IdentifierType.Mobile,
                    mobile, null, "S-DEL-01", 900 + (i * 37 % 1500), "INR", $"DEMO-{i}", issuedAt.AddHours(3)), "demo", ct: ct);
            }
        }
    }

    /// <summary>The demo's clock moved back to when its history happened.</summary>
    private sealed class ShiftedClock(TimeProvider inner, TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + shift;
    }

    private static IEnumerable<(OfferDefinition, bool)> Offers(DateTimeOffset now)
    {
        yield return (new OfferDefinition
        {
            Name = "Welcome 10% off",
            Description = "A welcome coupon for new members.",
            Discount = new() { Type = DiscountType.Percentage, Value = 10, MaxAmount = 500, Currency = "INR" },
            ValidFrom = now.AddDays(-7),
            BrandPocEmails = ["marketing@demo-brand.example"],
            Coupon = new() { Generation = new() { Method = GenerationMethod.AutoUnique, Length = 8, Alphabet = CodeAlphabet.Unambiguous, Prefix = "WEL" }, Expiry = new() { Mode = ExpiryMode.DaysFromIssual, Value = 30 } },
            Issual = new() { MaxPerCustomer = 1, ResendSms = new() { Text = "Hi {{customer.name}}, your code is {{coupon.code}}, valid till {{coupon.expiry}}." } },
            Redemption = new() { CustomerLimit = 1, MinBill = 500, NewCustomers = new() { MaxTransactions = 3 } },
        }, true);
        yield return (new OfferDefinition
        {
            Name = "HOLIDAY20 common code",
            Discount = new() { Type = DiscountType.Percentage, Value = 20 },
            ValidFrom = now.AddDays(-1),
            ValidUntil = now.AddDays(60),
            Coupon = new() { Generation = new() { Method = GenerationMethod.Common, CommonCode = "HOLIDAY20" }, Expiry = new() { Mode = ExpiryMode.WithOffer } },
            Redemption = new() { AnyoneCanRedeem = true, CustomerLimit = 2, SeriesLimit = 1000, OrgEntities = [new(OrgEntityType.Zone, "Z-NORTH")] },
        }, true);
        yield return (new OfferDefinition
        {
            Name = "Flat ₹250 on ₹2,000 — South stores",
            Discount = new() { Type = DiscountType.Fixed, Value = 250, Currency = "INR" },
            ValidFrom = now.AddDays(7),
            ValidUntil = now.AddDays(37),
            Coupon = new() { Generation = new() { Method = GenerationMethod.RandomizedCommon, SampleCode = "FLAT250AB" }, Expiry = new() { Mode = ExpiryMode.MonthEndsFromIssual, Value = 0 } },
            Issual = new() { MaxPerCustomer = 2, MinGapDays = 7, TotalLimit = 5000, NotifyWhenRemaining = 500 },
            Redemption = new() { CustomerLimit = 1, MinBill = 2000, OrgEntities = [new(OrgEntityType.Store, "S-BLR-01"), new(OrgEntityType.Store, "S-CHN-01")], DaysOfWeek = [DayOfWeek.Saturday, DayOfWeek.Sunday] },
        }, false);
    }
}
