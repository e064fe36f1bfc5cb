using System.Data.Common;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Issuance;

/// <summary>
/// Writes coupons for the bulk paths — issued ones (bulk issuance, customers uploads) and unissued uploaded codes (codes
/// uploads) — through one prepared INSERT of <see cref="RowsPerStatement"/> rows reused for the whole batch, inside the
/// caller's transaction. The one INSERT of coupon rows besides a single issue's.
/// </summary>
internal sealed class CouponInserter : IDisposable
{
    /// <summary>Rows per INSERT statement: one statement per row costs more in the driver than in SQLite.</summary>
    private const int RowsPerStatement = 128;

    private readonly CouponDbContext _db;
    private readonly Func<int, DbCommand> _create;
    private readonly DbCommand _batch;
    private DbCommand? _single;
    private readonly (string Code, long? Index, long? CustomerId, int TransferSeq)[] _pending = new (string, long?, long?, int)[RowsPerStatement];
    private readonly int _stride;
    private int _count;

    /// <summary>Issued coupons (<paramref name="expiresAt"/> their expiry), or with <paramref name="issued"/> false unissued pool codes.</summary>
    /// <param name="transferSeqs">Whether rows carry a transfer number (a revoked uploaded code given again); otherwise every row's
    /// is 0 and the statement binds a parameter less per row — the driver binds each parameter on every run, so that is ~10 %
    /// of a bulk issue's CPU.</param>
    public CouponInserter(CouponDbContext db, long offerId, bool shared, long? codeSpaceId, DateTimeOffset now, DateTimeOffset? expiresAt, bool issued = true,
        bool transferSeqs = false)
    {
        _db = db;
        _stride = transferSeqs ? 4 : 3;
        _create = rows => Prepare(rows, offerId, shared, codeSpaceId, now, expiresAt, issued, transferSeqs);
        _batch = _create(RowsPerStatement);
    }

    public void Add(string code, long? index, long? customerId, int transferSeq = 0)
    {
        if (transferSeq != 0 && _stride == 3)
        {
            throw new InvalidOperationException("This inserter was made without transfer numbers.");
        }

        _pending[_count++] = (code, index, customerId, transferSeq);
        if (_count == RowsPerStatement)
        {
            Execute(_batch, 0, RowsPerStatement);
            _count = 0;
        }
    }

    /// <summary>Writes what is still buffered, one row per statement; call before the transaction commits.</summary>
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
    private DbCommand Prepare(int rows, long offerId, bool shared, long? codeSpaceId, DateTimeOffset now, DateTimeOffset? expiresAt, bool issued,
        bool transferSeqs)
    {
        var cmd = Sql.Command(_db, CouponStatements.InsertRows(rows, transferSeqs));
        for (var r = 0; r < rows; r++)
        {
            Sql.AddParameter(cmd, _db.Dialect, $"@code{r}", "");
            Sql.AddParameter(cmd, _db.Dialect, $"@index{r}", null);
            Sql.AddParameter(cmd, _db.Dialect, $"@c{r}", null);
            if (transferSeqs)
            {
                Sql.AddParameter(cmd, _db.Dialect, $"@seq{r}", 0);
            }
        }

        Sql.AddParameter(cmd, _db.Dialect, "@o", offerId);
        Sql.AddParameter(cmd, _db.Dialect, "@status", (issued ? CouponStatus.Issued : CouponStatus.Unissued).ToString());
        Sql.AddParameter(cmd, _db.Dialect, "@issuedAt", issued ? now : null);
        Sql.AddParameter(cmd, _db.Dialect, "@shared", shared);
        Sql.AddParameter(cmd, _db.Dialect, "@now", now);
        Sql.AddParameter(cmd, _db.Dialect, "@exp", issued ? expiresAt : null);
        Sql.AddParameter(cmd, _db.Dialect, "@space", codeSpaceId);
        cmd.Prepare();
        return cmd;
    }

    public void Dispose()
    {
        _batch.Dispose();
        _single?.Dispose();
    }
}
