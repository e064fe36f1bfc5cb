using System.Data.Common;

namespace CouponAdmin.Core.Persistence;

/// <summary>
/// The rows of one query run by a <see cref="SqlSession"/>, read forward once. On SQLite they come straight from
/// SQLite's prepared statement (<see cref="SqliteRawStatements.TryQuery"/>); elsewhere, and for what that path cannot
/// take, from ADO.NET's data reader. Disposing it readies the statement for its next call.
/// </summary>
internal abstract class SqlRowReader : IAsyncDisposable
{
    public abstract ValueTask<bool> ReadAsync(CancellationToken ct);

    public abstract bool IsDBNull(int ordinal);

    public abstract long GetInt64(int ordinal);

    public abstract int GetInt32(int ordinal);

    public abstract bool GetBoolean(int ordinal);

    public abstract string GetString(int ordinal);

    public abstract ValueTask DisposeAsync();

    /// <summary>ADO.NET's data reader, as it is.</summary>
    public sealed class Ado(DbDataReader reader) : SqlRowReader
    {
        public override ValueTask<bool> ReadAsync(CancellationToken ct) => new(reader.ReadAsync(ct));

        public override bool IsDBNull(int ordinal) => reader.IsDBNull(ordinal);

        public override long GetInt64(int ordinal) => reader.GetInt64(ordinal);

        public override int GetInt32(int ordinal) => reader.GetInt32(ordinal);

        public override bool GetBoolean(int ordinal) => reader.GetBoolean(ordinal);

        public override string GetString(int ordinal) => reader.GetString(ordinal);

        public override ValueTask DisposeAsync() => reader.DisposeAsync();
    }
}
