using System.Data.Common;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Issuance;

/// <summary>
/// The code source of the bulk paths: the next indexes of the offer's permutation (reserved for the whole chunk in one
/// conditional update), its common code, or the unissued codes of its uploaded pool.
/// </summary>
internal sealed class IssuedCodes(CouponDbContext db, Offer offer, ICodeGenerator? generator, DateTimeOffset now, DateTimeOffset? expiresAt) : IDisposable
{
    private ICouponRowWriter? _inserter;
    private DbCommand? _takeFromPool;
    private DbCommand? _takeNamed;
    private List<long> _indexes = [];
    private int _next;
    private char[] _buffer = [];

    /// <summary>How many more coupons the offer's code source can give.</summary>
    public static async Task<long> LeftAsync(CouponDbContext db, Offer offer, ICodeGenerator? generator, CancellationToken ct)
    {
        if (generator is null)
        {
            return await db.ScalarAsync<long>(IssuanceStatements.For(db.Dialect).UnissuedLeft, ct, ("@o", offer.Id)) ?? 0;
        }

        if (generator.IsShared)
        {
            return long.MaxValue;
        }

        var used = await db.ScalarAsync<long>(CodeSpaceStatements.For(db.Dialect).NextIndex, ct, ("@s", offer.CodeSpaceId)) ?? 0;
        var held = await HeldCodes.AheadOfCounterAsync(db, offer.CodeSpaceId!.Value, ct) ?? 0;
        return (long)System.Numerics.BigInteger.Min(generator.Capacity, long.MaxValue) - used - held;
    }

    /// <summary>
    /// Takes the codes for <paramref name="count"/> coupons from the allocator; returns how many it could give (fewer only
    /// when a code space runs out sooner than <see cref="LeftAsync"/> could tell, because an overlapping space holds some).
    /// </summary>
    public async Task<int> ReserveAsync(int count, CancellationToken ct)
    {
        if (generator is null || count == 0)
        {
            return count;
        }

        _buffer = new char[generator.CodeLength];
        _inserter = db.Dialect.CouponRows(db, new CouponBatch(offer.Id, generator.IsShared, generator.IsShared ? null : offer.CodeSpaceId, now, expiresAt));
        if (generator.IsShared)
        {
            return count;
        }

        _indexes = await CodeAllocator.TakeAsync(db, offer.CodeSpaceId!.Value, count, ct);
        return _indexes.Count;
    }

    public async Task<string> IssueAsync(long customerId, CancellationToken ct)
    {
        if (generator is null)
        {
            return (await TakeFromPoolAsync(customerId, null, ct))!;
        }

        long? index = generator.IsShared ? null : _indexes[_next++];
        generator.WriteCode(index ?? 0, _buffer);
        var code = new string(_buffer);
        _inserter!.Add(code, index, customerId);
        return code;
    }

    public void Flush() => _inserter?.Flush();

    /// <summary>Issues the pool's next unissued code, or the one named by <paramref name="code"/>, to the customer; null when there is none.</summary>
    public async Task<string?> TakeFromPoolAsync(long customerId, string? code, CancellationToken ct)
    {
        var command = code is null ? _takeFromPool ??= PoolCommand(named: false) : _takeNamed ??= PoolCommand(named: true);
        command.Parameters[0].Value = customerId;
        command.Parameters[4].Value = code ?? "";
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private DbCommand PoolCommand(bool named)
    {
        var command = Sql.Command(db, named ? CouponStatements.For(db.Dialect).TakeNamedFromPool : CouponStatements.For(db.Dialect).TakeFirstFromPool, ("@c", 0L), ("@now", now), ("@exp", expiresAt), ("@o", offer.Id), ("@code", ""));
        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        _inserter?.Dispose();
        _takeFromPool?.Dispose();
        _takeNamed?.Dispose();
    }
}
