using System.Globalization;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Redemption;

/// <summary>What one read of a code found: the config version, the customer (if known) and the candidate coupons.</summary>
internal sealed record CouponRows(long Version, Customer? Customer, List<Coupon> Coupons);

/// <summary>
/// Everything a redemption reads from the database, in one statement: the config version (is the snapshot current?),
/// the customer by the identifier sent, and the coupons the code can mean. Unique codes (generated ones, found by their
/// space and index, and uploaded ones) bring every coupon of the code, a handful at most; a common code has a row per
/// holder, so only the rows a choice can fall on come back (the first, the customer's own, the first in force, the first
/// held), each through the shared-code index in id order.
/// </summary>
internal static class CouponRead
{
    public static async Task<CouponRows> ReadAsync(SqlSession session, string code, IReadOnlyList<(long SpaceId, long Index)> decoded,
        CustomerIdentifier who, DateTimeOffset at, CancellationToken ct)
    {
        var parameters = new (string, object?)[3 + (2 * decoded.Count)];
        parameters[0] = ("@code", code);
        parameters[1] = ("@who", who.Type == IdentifierType.UserId ? long.Parse(who.Value, CultureInfo.InvariantCulture) : who.Value);
        parameters[2] = ("@at", at);
        for (var i = 0; i < decoded.Count; i++)
        {
            parameters[3 + (2 * i)] = (Name("@s", i), decoded[i].SpaceId);
            parameters[4 + (2 * i)] = (Name("@i", i), decoded[i].Index);
        }

        var sql = PosStatements.For(session.Dialect).ReadCode(who.Type, decoded.Count);
        await using var reader = await session.QueryAsync(sql, ct, parameters);
        long version = 0;
        Customer? customer = null;
        var coupons = new List<Coupon>(2);
        while (await reader.ReadAsync(ct))
        {
            switch (reader.GetInt64(0))
            {
                case 0:
                    version = reader.GetInt64(1);
                    break;
                case 1:
                    customer = new Customer
                    {
                        UserId = reader.GetInt64(1),
                        RegisteredOn = reader.IsDBNull(3) ? null : DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                        TransactionCount = reader.GetInt32(11),
                    };
                    break;
                default:
                    // A shared row can answer more than one of the questions.
                    if (!Contains(coupons, reader.GetInt64(1)))
                    {
                        coupons.Add(ToCoupon(reader));
                    }

                    break;
            }
        }

        return new CouponRows(version, customer, coupons);
    }

    private static Coupon ToCoupon(SqlRowReader r) => new()
    {
        Id = r.GetInt64(1),
        OfferId = r.GetInt64(2),
        Code = r.GetString(3),
        IsShared = r.GetBoolean(4),
        CodeSpaceId = r.IsDBNull(5) ? null : r.GetInt64(5),
        CodeIndex = r.IsDBNull(6) ? null : r.GetInt64(6),
        CustomerId = r.IsDBNull(7) ? null : r.GetInt64(7),
        Status = Enum.Parse<CouponStatus>(r.GetString(8)),
        IssuedAt = r.IsDBNull(9) ? null : Instant(r.GetInt64(9)),
        ExpiresAt = r.IsDBNull(10) ? null : Instant(r.GetInt64(10)),
        RedemptionCount = r.GetInt32(11),
        LastStatusChangeAt = Instant(r.GetInt64(12)),
        TransferSeq = r.GetInt32(13),
    };

    private static bool Contains(List<Coupon> coupons, long id)
    {
        foreach (var c in coupons)
        {
            if (c.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[][] Names = [[.. Enumerable.Range(0, 16).Select(i => $"@s{i}")], [.. Enumerable.Range(0, 16).Select(i => $"@i{i}")]];

    private static string Name(string prefix, int i) => i < 16 ? Names[prefix == "@s" ? 0 : 1][i] : $"{prefix}{i}";

    private static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
