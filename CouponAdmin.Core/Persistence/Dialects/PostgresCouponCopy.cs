using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Persistence.Statements;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CouponAdmin.Core.Persistence.Dialects;

/// <summary>
/// PostgreSQL's way of the bulk paths' coupon rows (<see cref="ICouponRowWriter"/>): binary COPY, one stream per
/// <see cref="RowsPerCopy"/> rows, in the caller's transaction. A COPY holds the connection until it completes, so rows are
/// buffered and each COPY starts and completes inside <see cref="Add"/> or <see cref="Flush"/>: between them the caller's
/// other statements (the pool takes, the report rows of an upload chunk) run as before.
/// </summary>
internal sealed class PostgresCouponCopy(CouponDbContext db, CouponBatch batch) : ICouponRowWriter
{
    /// <summary>Rows per COPY: large enough that starting one is noise, small enough to keep the buffer in cache.</summary>
    private const int RowsPerCopy = 8192;

    private readonly (string Code, long? Index, long? CustomerId, int TransferSeq)[] _pending = new (string, long?, long?, int)[RowsPerCopy];
    private readonly string _status = batch.Status.ToString();
    private readonly long _now = batch.Now.UtcTicks;
    private readonly long? _issuedAt = batch.RowIssuedAt?.UtcTicks;
    private readonly long? _expiresAt = batch.RowExpiresAt?.UtcTicks;
    private int _count;

    public void Add(string code, long? index, long? customerId, int transferSeq = 0)
    {
        batch.CheckTransferSeq(transferSeq);
        _pending[_count++] = (code, index, customerId, transferSeq);
        if (_count == RowsPerCopy)
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        using (var copy = connection.BeginBinaryImport(CouponStatements.CopyRows))
        {
            for (var r = 0; r < _count; r++)
            {
                var (code, index, customer, transferSeq) = _pending[r];
                copy.StartRow();
                copy.Write(batch.OfferId, NpgsqlDbType.Bigint);
                copy.Write(code, NpgsqlDbType.Varchar);
                copy.Write(batch.Shared, NpgsqlDbType.Boolean);
                WriteNullable(copy, batch.CodeSpaceId);
                WriteNullable(copy, index);
                WriteNullable(copy, customer);
                copy.Write(_status, NpgsqlDbType.Varchar);
                WriteNullable(copy, _issuedAt);
                WriteNullable(copy, _expiresAt);
                copy.Write(0, NpgsqlDbType.Integer);
                copy.Write(_now, NpgsqlDbType.Bigint);
                copy.Write(transferSeq, NpgsqlDbType.Integer);
            }

            copy.Complete();
        }

        Array.Clear(_pending, 0, _count);
        _count = 0;
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, long? value)
    {
        if (value is { } v)
        {
            copy.Write(v, NpgsqlDbType.Bigint);
        }
        else
        {
            copy.WriteNull();
        }
    }

    /// <summary>Rows not flushed are dropped, as an INSERT never run would be: the caller's transaction decides.</summary>
    public void Dispose() => _count = 0;
}
