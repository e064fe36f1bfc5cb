using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CouponAdmin.Core.Persistence;

/// <summary>
/// The point-of-sale path's statements that answer with a row count, one value or a few rows, run on SQLite's own
/// prepared statements: bound by position, stepped, reset. The redemption writer runs four or five of them per call on
/// its one thread, and ADO.NET's command costs (a data reader per call, every parameter looked up by name and its name
/// encoded again, a task per call) were about as much as SQLite's own work. Values are stored exactly as Microsoft.Data.Sqlite
/// stores them (decimals as invariant text with at least one decimal place), so rows read the same whichever path wrote
/// them. A statement it cannot take (more than one statement in the text, a parameter not supplied, a value of a type it
/// does not bind) is left to ADO.NET: <see cref="TryExecute"/> and <see cref="TryScalar"/> answer false.
/// </summary>
internal sealed class SqliteRawStatements(SqliteConnection connection, Dialects.ISqlDialect dialect) : IDisposable
{
    private const string DecimalFormat = "0.0###########################";

    private const string ReturningId = "RETURNING \"Id\"";

    private readonly SqlTextMap<Prepared?> _statements = new();

    /// <summary>Each <see cref="TryInsert"/> text without its RETURNING clause (null: it has none to drop).</summary>
    private readonly SqlTextMap<string?> _inserts = new();

    /// <summary>Runs the statement to its end; the row count as ADO.NET's <c>ExecuteNonQuery</c> gives it (-1 for a statement that changes nothing by nature).</summary>
    public bool TryExecute(string sql, ReadOnlySpan<(string Name, object? Value)> parameters, out int rows)
    {
        rows = 0;
        if (Bound(sql, parameters) is not { } p)
        {
            return false;
        }

        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(p.Statement)) == raw.SQLITE_ROW)
            {
            }

            Check(rc);
            rows = p.ReadOnly ? -1 : raw.sqlite3_changes(connection.Handle);
            return true;
        }
        finally
        {
            raw.sqlite3_reset(p.Statement);
        }
    }

    /// <summary>The first column of the first row (a long, a string, a double, or null), as ADO.NET's <c>ExecuteScalar</c> gives it.</summary>
    public bool TryScalar(string sql, ReadOnlySpan<(string Name, object? Value)> parameters, out object? value)
    {
        value = null;
        if (Bound(sql, parameters) is not { } p)
        {
            return false;
        }

        try
        {
            var rc = raw.sqlite3_step(p.Statement);
            if (rc == raw.SQLITE_ROW)
            {
                value = raw.sqlite3_column_type(p.Statement, 0) switch
                {
                    raw.SQLITE_INTEGER => raw.sqlite3_column_int64(p.Statement, 0),
                    raw.SQLITE_FLOAT => raw.sqlite3_column_double(p.Statement, 0),
                    raw.SQLITE_TEXT => raw.sqlite3_column_text(p.Statement, 0).utf8_to_string(),
                    raw.SQLITE_BLOB => raw.sqlite3_column_blob(p.Statement, 0).ToArray(),
                    _ => null,
                };
            }
            else
            {
                Check(rc);
            }

            return true;
        }
        finally
        {
            raw.sqlite3_reset(p.Statement);
        }
    }

    /// <summary>
    /// A query's rows, read from the prepared statement as Microsoft.Data.Sqlite reads them (integers, text, null; a
    /// boolean is an integer other than 0); null when ADO.NET must run it. Disposing the reader resets the statement.
    /// </summary>
    public SqlRowReader? TryQuery(string sql, ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Bound(sql, parameters) is { } p ? new RowReader(this, p.Statement) : null;

    /// <summary>
    /// An <c>INSERT … RETURNING "Id"</c> into a table whose <c>"Id"</c> is its integer primary key, run without its
    /// RETURNING clause: the new row's id is the connection's last rowid, and null when the insert added nothing (ON
    /// CONFLICT DO NOTHING). SQLite answers a RETURNING clause through a temporary table built per call, which cost a third
    /// of the redemption row's insert. A text that does not end that way answers false.
    /// </summary>
    public bool TryInsert(string sql, ReadOnlySpan<(string Name, object? Value)> parameters, out long? id)
    {
        id = null;
        if (!_inserts.TryGetValue(sql, out var withoutReturning))
        {
            var text = sql.TrimEnd();
            withoutReturning = text.EndsWith(ReturningId, StringComparison.Ordinal) ? text[..^ReturningId.Length] : null;
            _inserts.Add(sql, withoutReturning);
        }

        if (withoutReturning is null || !TryExecute(withoutReturning, parameters, out var rows))
        {
            return false;
        }

        id = rows == 1 ? raw.sqlite3_last_insert_rowid(connection.Handle) : null;
        return true;
    }

    public void Dispose()
    {
        foreach (var p in _statements.Values)
        {
            p?.Statement.Dispose();
        }
    }

    /// <summary>The statement prepared for <paramref name="sql"/> with these values bound, or null when ADO.NET must run it.</summary>
    private Prepared? Bound(string sql, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_statements.TryGetValue(sql, out var p))
        {
            p = Prepare(sql, parameters);
            _statements.Add(sql, p);
        }

        if (p is null || p.Names.Length != parameters.Length)
        {
            return null;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (!string.Equals(p.Names[i], parameters[i].Name, StringComparison.Ordinal) || !TryBind(p.Statement, p.Indexes[i], dialect.ToDb(parameters[i].Value)))
            {
                raw.sqlite3_clear_bindings(p.Statement);
                return null;
            }
        }

        return p;
    }

    private Prepared? Prepare(string sql, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement, out var tail);
        Check(rc);
        var names = new string[parameters.Length];
        var indexes = new int[parameters.Length];
        var supplied = new HashSet<int>();
        for (var i = 0; i < parameters.Length; i++)
        {
            names[i] = parameters[i].Name;
            indexes[i] = raw.sqlite3_bind_parameter_index(statement, parameters[i].Name);
            if (indexes[i] > 0)
            {
                supplied.Add(indexes[i]);
            }
        }

        // More than one statement, or a parameter left without a value: ADO.NET runs (or refuses) it as it always did.
        if (!string.IsNullOrWhiteSpace(tail) || supplied.Count != raw.sqlite3_bind_parameter_count(statement))
        {
            statement.Dispose();
            return null;
        }

        return new Prepared(statement, names, indexes, raw.sqlite3_stmt_readonly(statement) != 0);
    }

    private bool TryBind(sqlite3_stmt statement, int index, object? value)
    {
        if (index == 0)
        {
            return true;
        }

        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            long l => raw.sqlite3_bind_int64(statement, index, l),
            int i => raw.sqlite3_bind_int64(statement, index, i),
            string s => raw.sqlite3_bind_text(statement, index, s),
            decimal m => raw.sqlite3_bind_text(statement, index, m.ToString(DecimalFormat, CultureInfo.InvariantCulture)),
            double d => raw.sqlite3_bind_double(statement, index, d),
            byte[] b => raw.sqlite3_bind_blob(statement, index, b),
            _ => -1,
        };
        if (rc == -1)
        {
            return false;
        }

        Check(rc);
        return true;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }

    private sealed record Prepared(sqlite3_stmt Statement, string[] Names, int[] Indexes, bool ReadOnly);

    private sealed class RowReader(SqliteRawStatements owner, sqlite3_stmt statement) : SqlRowReader
    {
        public override ValueTask<bool> ReadAsync(CancellationToken ct)
        {
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_ROW)
            {
                return new(true);
            }

            owner.Check(rc);
            return new(false);
        }

        public override bool IsDBNull(int ordinal) => raw.sqlite3_column_type(statement, ordinal) == raw.SQLITE_NULL;

        public override long GetInt64(int ordinal) => raw.sqlite3_column_int64(statement, ordinal);

        public override int GetInt32(int ordinal) => checked((int)GetInt64(ordinal));

        public override bool GetBoolean(int ordinal) => GetInt64(ordinal) != 0;

        public override string GetString(int ordinal) => raw.sqlite3_column_text(statement, ordinal).utf8_to_string();

        public override ValueTask DisposeAsync()
        {
            raw.sqlite3_reset(statement);
            return default;
        }
    }
}
