using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CouponAdmin.Core.Persistence;

/// <summary>
/// An open connection whose statements are prepared once and then reused with new parameter values: the point-of-sale
/// path runs the same few statements thousands of times a second, and preparing one costs about as much as running it.
/// One caller at a time; <see cref="Transaction"/> is the transaction every statement joins.
/// </summary>
internal sealed class SqlSession(DbConnection connection, Dialects.ISqlDialect dialect) : IDisposable
{
    private readonly SqlTextMap<DbCommand> _commands = new();

    /// <summary>On SQLite, the statements that answer with a count, one value or rows skip ADO.NET (<see cref="SqliteRawStatements"/>).</summary>
    private readonly SqliteRawStatements? _raw = connection is SqliteConnection sqlite ? new(sqlite, dialect) : null;

    public DbConnection Connection { get; } = connection;

    public Dialects.ISqlDialect Dialect { get; } = dialect;

    public DbTransaction? Transaction { get; set; }

    /// <summary>The prepared command for <paramref name="sql"/> with these parameter values (always the same names for one statement).</summary>
    public DbCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (_commands.TryGetValue(sql, out var cmd))
        {
            // The names come in the order they were added, so each is found where it was put; a name looked up by
            // name would be compared against every parameter before it.
            for (var i = 0; i < parameters.Length; i++)
            {
                var (name, value) = parameters[i];
                var parameter = i < cmd.Parameters.Count && cmd.Parameters[i].ParameterName == name ? cmd.Parameters[i] : cmd.Parameters[name];
                parameter.Value = Dialect.ToDb(value);
            }
        }
        else
        {
            cmd = Connection.CreateCommand();
            cmd.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                Sql.AddParameter(cmd, Dialect, name, value);
            }

            _commands.Add(sql, cmd);
        }

        cmd.Transaction = Transaction;
        return cmd;
    }

    public Task<int> ExecuteAsync(string sql, CancellationToken ct, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        _raw is not null && _raw.TryExecute(sql, parameters, out var rows) ? Task.FromResult(rows) : Command(sql, parameters).ExecuteNonQueryAsync(ct);

    /// <summary>The first column of the first row, or null when no row came back.</summary>
    public Task<long?> Int64Async(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        _raw is not null && _raw.TryScalar(sql, parameters, out var value) ? Task.FromResult(value as long?) : AdoScalarAsync<long?>(sql, parameters, ct);

    /// <summary>
    /// Runs an <c>INSERT … RETURNING "Id"</c> and gives the new row's id, or null when it inserted nothing. On SQLite the
    /// raw path drops the RETURNING clause and reads the last rowid (<see cref="SqliteRawStatements.TryInsert"/>).
    /// </summary>
    public Task<long?> InsertedIdAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        _raw is not null && _raw.TryInsert(sql, parameters, out var id) ? Task.FromResult(id) : AdoScalarAsync<long?>(sql, parameters, ct);

    /// <summary>Runs a query; dispose the reader when its rows are read (<see cref="SqlRowReader"/>).</summary>
    public ValueTask<SqlRowReader> QueryAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        _raw?.TryQuery(sql, parameters) is { } rows ? new(rows) : AdoQueryAsync(sql, parameters, ct);

    private async ValueTask<SqlRowReader> AdoQueryAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken ct) =>
        new SqlRowReader.Ado(await Command(sql, parameters).ExecuteReaderAsync(ct));

    public Task<string?> StringAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        _raw is not null && _raw.TryScalar(sql, parameters, out var value) ? Task.FromResult(value as string) : AdoScalarAsync<string?>(sql, parameters, ct);

    private async Task<T> AdoScalarAsync<T>(string sql, (string Name, object? Value)[] parameters, CancellationToken ct) =>
        await Command(sql, parameters).ExecuteScalarAsync(ct) is T value ? value : default!;

    public void Dispose()
    {
        _raw?.Dispose();
        foreach (var cmd in _commands.Values)
        {
            cmd.Dispose();
        }

        Connection.Dispose();
    }
}
