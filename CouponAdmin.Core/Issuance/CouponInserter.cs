using System.Data.Common;
using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Core.Issuance;

/// <summary>
/// Writes issued coupons for the bulk paths (bulk issuance, upload chunks): one prepared INSERT of
/// <see cref="RowsPerStatement"/> rows reused for the whole batch, inside the caller's transaction.
/// </summary>
internal sealed class CouponInserter : IDisposable
{
    /// <summary>Rows per INSERT statement: one statement per row costs more in the driver than in SQLite.</summary>
    private const int RowsPerStatement = 128;

    private readonly CouponDbContext _db;
    private readonly Func<int, DbCommand> _create;
    private readonly DbCommand _batch;
    private DbCommand? _single;
    private readonly (string Code, long? Index, long CustomerId)[] _pending = new (string, long?, long)[RowsPerStatement];
    private int _count;

    public CouponInserter(CouponDbContext db, long offerId, bool shared, long? codeSpaceId, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        _db = db;
        _create = rows => Prepare(rows, offerId, shared, codeSpaceId, now, expiresAt);
        _batch = _create(RowsPerStatement);
    }

    public void Add(string code, long? index, long customerId)
    {
        _pending[_count++] = (code, index, customerId);
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
            var (code, index, customer) = _pending[first + r];
            cmd.Parameters[3 * r].Value = code;
            cmd.Parameters[(3 * r) + 1].Value = index is { } i ? i : DBNull.Value;
            cmd.Parameters[(3 * r) + 2].Value = customer;
        }

        cmd.ExecuteNonQuery();
    }

    /// <summary>A prepared INSERT of <paramref name="rows"/> coupons; per row the code, its index and the customer vary.</summary>
    private DbCommand Prepare(int rows, long offerId, bool shared, long? codeSpaceId, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var values = new System.Text.StringBuilder();
        var cmd = Sql.Command(_db, "");
        for (var r = 0; r < rows; r++)
        {
            values.Append(r == 0 ? "" : ",").Append(System.Globalization.CultureInfo.InvariantCulture,
                $"(@o, @code{r}, @shared, @space, @index{r}, @c{r}, 'Issued', @now, @exp, 0, @now)");
            Sql.AddParameter(cmd, $"@code{r}", "");
            Sql.AddParameter(cmd, $"@index{r}", null);
            Sql.AddParameter(cmd, $"@c{r}", 0L);
        }

        cmd.CommandText = $"""
            INSERT INTO "Coupons" ("OfferId", "Code", "IsShared", "CodeSpaceId", "CodeIndex", "CustomerId", "Status", "IssuedAt", "ExpiresAt", "RedemptionCount", "LastStatusChangeAt")
            VALUES {values}
            """;
        Sql.AddParameter(cmd, "@o", offerId);
        Sql.AddParameter(cmd, "@shared", shared);
        Sql.AddParameter(cmd, "@now", now);
        Sql.AddParameter(cmd, "@exp", expiresAt);
        Sql.AddParameter(cmd, "@space", codeSpaceId);
        cmd.Prepare();
        return cmd;
    }

    public void Dispose()
    {
        _batch.Dispose();
        _single?.Dispose();
    }
}
