using System.Data.Common;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Issuance;

/// <summary>
/// The SQLite way of the bulk paths' coupon rows (<see cref="ICouponRowWriter"/>): one prepared INSERT of
/// <see cref="RowsPerStatement"/> rows reused for the whole batch, inside the caller's transaction. The one INSERT of
/// coupon rows besides a single issue's.
/// </summary>
internal sealed class CouponInserter : ICouponRowWriter
{
    /// <summary>Rows per INSERT statement: one statement per row costs more in the driver than in SQLite.</summary>
    private const int RowsPerStatement = 128;

    private readonly CouponDbContext _db;
    private readonly CouponBatch _rows;
    private readonly Func<int, DbCommand> _create;
    private readonly DbCommand _batch;
    private DbCommand? _single;
    private readonly (string Code, long? Index, long? CustomerId, int TransferSeq)[] _pending = new (string, long?, long?, int)[RowsPerStatement];
    private readonly int _stride;
    private int _count;

    /// <summary>The rows of <paramref name="batch"/>. Without transfer numbers the statement binds a parameter less per row —
    /// the driver binds each parameter on every run, so that is ~10 % of a bulk issue's CPU.</summary>
    public CouponInserter(CouponDbContext db, CouponBatch batch)
    {
        _db = db;
        _rows = batch;
        _stride = batch.TransferSeqs ? 4 : 3;
        _create = rows => Prepare(rows, batch);
        _batch = _create(RowsPerStatement);
    }

    public void Add(string code, long? index, long? customerId, int transferSeq = 0)
    {
        _rows.CheckTransferSeq(transferSeq);
        _pending[_count++] = (code, index, customerId, transferSeq);
        if (_count == RowsPerStatement)
        {
            Execute(_batch, 0, RowsPerStatement);
            _count = 0;
        }
    }

    /// <summary>Writes what is still buffered, one row per statement.</summary>
    public void Flush()
    {
        _single ??= _create(1);
        for (var i = 0; i < _count; i++)
        {
            Execute(_single, i, 1);
        }

        _count = 0;
    }

    /// <summary>Runs <paramref name="cmd"/> with the buffered rows from <paramref name="first"/> on as its <paramref name="rows"/> rows.</summary>
    private void Execute(DbCommand cmd, int first, int rows)
    {
        for (var r = 0; r < rows; r++)
        {
            var (code, index, customer, transferSeq) = _pending[first + r];
            var at = _stride * r;
            cmd.Parameters[at].Value = code;
            cmd.Parameters[at + 1].Value = index is { } i ? i : DBNull.Value;
            cmd.Parameters[at + 2].Value = customer is { } c ? c : DBNull.Value;
            if (_stride == 4)
            {
                cmd.Parameters[at + 3].Value = transferSeq;
            }
        }

        cmd.ExecuteNonQuery();
    }

    /// <summary>A prepared INSERT of <paramref name="rows"/> coupons; per row the code, its index, the customer and the transfer number vary.</summary>
    private DbCommand Prepare(int rows, CouponBatch batch)
    {
        var cmd = Sql.Command(_db, CouponStatements.InsertRows(rows, batch.TransferSeqs));
        for (var r = 0; r < rows; r++)
        {
            Sql.AddParameter(cmd, _db.Dialect, $"@code{r}", "");
            Sql.AddParameter(cmd, _db.Dialect, $"@index{r}", null);
            Sql.AddParameter(cmd, _db.Dialect, $"@c{r}", null);
            if (batch.TransferSeqs)
            {
                Sql.AddParameter(cmd, _db.Dialect, $"@seq{r}", 0);
            }
        }

        Sql.AddParameter(cmd, _db.Dialect, "@o", batch.OfferId);
        Sql.AddParameter(cmd, _db.Dialect, "@status", batch.Status.ToString());
        Sql.AddParameter(cmd, _db.Dialect, "@issuedAt", batch.RowIssuedAt);
        Sql.AddParameter(cmd, _db.Dialect, "@shared", batch.Shared);
        Sql.AddParameter(cmd, _db.Dialect, "@now", batch.Now);
        Sql.AddParameter(cmd, _db.Dialect, "@exp", batch.RowExpiresAt);
        Sql.AddParameter(cmd, _db.Dialect, "@space", batch.CodeSpaceId);
        cmd.Prepare();
        return cmd;
    }

    public void Dispose()
    {
        _batch.Dispose();
        _single?.Dispose();
    }
}
