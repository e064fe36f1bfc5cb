using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CouponAdmin.Core.Persistence;

/// <summary>
/// Raw statements on the context's connection (opened for the context's lifetime) and current transaction: for the atomic conditional updates
/// (<c>UPDATE … WHERE n &lt; @limit RETURNING …</c>) that must not be read-then-write.
/// </summary>
internal static class Sql
{
    public static async Task<int> ExecuteAsync(this CouponDbContext db, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = Command(db, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The first column of the first row, or null when no row came back.</summary>
    public static async Task<T?> ScalarAsync<T>(this CouponDbContext db, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
        where T : struct
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = Command(db, sql, parameters);
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is null or DBNull ? null : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<string?> StringAsync(this CouponDbContext db, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = Command(db, sql, parameters);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>Every row of a query, mapped by <paramref name="map"/>.</summary>
    public static async Task<List<T>> ListAsync<T>(this CouponDbContext db, string sql, Func<DbDataReader, T> map, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = Command(db, sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>A command on the context's open connection and current transaction, for statements prepared once and run many times.</summary>
    public static DbCommand Command(CouponDbContext db, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            AddParameter(cmd, db.Dialect, name, value);
        }

        return cmd;
    }

    /// <summary>A parameter holding <paramref name="value"/> as the dialect's columns store it (<see cref="Dialects.ISqlDialect.ToDb"/>).</summary>
    public static DbParameter AddParameter(DbCommand cmd, Dialects.ISqlDialect dialect, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = dialect.ToDb(value);
        cmd.Parameters.Add(p);
        return p;
    }
}
