using System.Data.Common;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Core.Issuance;

/// <summary>
/// The code source of the bulk paths: the next indexes of the offer's permutation (reserved for the whole chunk in one
/// conditional update), its common code, or the unissued codes of its uploaded pool.
/// </summary>
internal sealed class IssuedCodes(CouponDbContext db, Offer offer, ICodeGenerator? generator, DateTimeOffset now, DateTimeOffset? expiresAt) : IDisposable
{
    private CouponInserter? _inserter;
    private DbCommand? _takeFromPool;
    private long _nextIndex;
    private char[] _buffer = [];

    /// <summary>How many more coupons the offer's code source can give.</summary>
    public static async Task<long> LeftAsync(CouponDbContext db, Offer offer, ICodeGenerator? generator, CancellationToken ct)
    {
        if (generator is null)
        {
            return await db.ScalarAsync<long>("""
                SELECT COUNT(*) FROM "Coupons" WHERE "OfferId" = @o AND "Status" = 'Unissued' AND "CustomerId" IS NULL
                """, ct, ("@o", offer.Id)) ?? 0;
        }

        if (generator.IsShared)
        {
            return long.MaxValue;
        }

        var used = await db.ScalarAsync<long>("""SELECT "NextCodeIndex" FROM "CodeSpaces" WHERE "Id" = @s""", ct, ("@s", offer.CodeSpaceId)) ?? 0;
        return (long)System.Numerics.BigInteger.Min(generator.Capacity, long.MaxValue) - used;
    }

    /// <summary>Takes <paramref name="count"/> consecutive indexes of the permutation; the caller checked with <see cref="LeftAsync"/> in this transaction.</summary>
    public async Task ReserveAsync(int count, CancellationToken ct)
    {
        if (generator is null || count == 0)
        {
            return;
        }

        _buffer = new char[generator.CodeLength];
        _inserter = new CouponInserter(db, offer.Id, generator.IsShared, generator.IsShared ? null : offer.CodeSpaceId, now, expiresAt);
        if (!generator.IsShared)
        {
            var next = await db.ScalarAsync<long>("""
                UPDATE "CodeSpaces" SET "NextCodeIndex" = "NextCodeIndex" + @n WHERE "Id" = @s RETURNING "NextCodeIndex"
                """, ct, ("@s", offer.CodeSpaceId), ("@n", count));
            _nextIndex = next!.Value - count;
        }
    }

    public async Task<string> IssueAsync(long customerId, CancellationToken ct)
    {
        if (generator is null)
        {
            return await TakeFromPoolAsync(customerId, ct);
        }

        long? index = generator.IsShared ? null : _nextIndex++;
        generator.WriteCode(index ?? 0, _buffer);
        var code = new string(_buffer);
        _inserter!.Add(code, index, customerId);
        return code;
    }

    public void Flush() => _inserter?.Flush();

    private async Task<string> TakeFromPoolAsync(long customerId, CancellationToken ct)
    {
        if (_takeFromPool is null)
        {
            _takeFromPool = Sql.Command(db, CodeSource.TakeFromPoolSql, ("@c", 0L), ("@now", now), ("@exp", expiresAt), ("@o", offer.Id), ("@code", null));
            _takeFromPool.Prepare();
        }

        _takeFromPool.Parameters[0].Value = customerId;
        return (string)(await _takeFromPool.ExecuteScalarAsync(ct))!;
    }

    public void Dispose()
    {
        _inserter?.Dispose();
        _takeFromPool?.Dispose();
    }
}
