using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Dialects;
using Microsoft.Data.Sqlite;

namespace CouponAdmin.Tests.Persistence;

/// <summary>
/// The POS path's statements on SQLite run on SQLite's own prepared statements (<see cref="SqliteRawStatements"/>):
/// what they store and answer must be what ADO.NET stored and answered, and what they cannot take goes to ADO.NET.
/// </summary>
public sealed class SqliteRawStatementsTests : IDisposable
{
    private const string Insert = """INSERT INTO "T" ("Id", "Amount", "At", "Flag", "Name", "Ratio") VALUES (@id, @amount, @at, @flag, @name, @ratio)""";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"couponadmin-raw-{Guid.NewGuid():N}.db");
    private readonly SqliteConnection _adoConnection;
    private readonly SqlSession _session;

    public SqliteRawStatementsTests()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString();
        _adoConnection = new SqliteConnection(connectionString);
        _adoConnection.Open();
        Ado("""CREATE TABLE "T" ("Id" INTEGER PRIMARY KEY, "Amount" TEXT, "At" INTEGER, "Flag" INTEGER, "Name" TEXT, "Ratio" REAL)""");
        _session = new SqlSession(SqliteSetup.Open(connectionString), SqliteDialect.Instance);
    }

    public void Dispose()
    {
        _session.Dispose();
        _adoConnection.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public async Task ValuesAreStoredAsAdoNetStoresThem()
    {
        var at = new DateTimeOffset(2026, 11, 27, 10, 30, 0, TimeSpan.FromHours(5.5));
        await _session.ExecuteAsync(Insert, default, ("@id", 1L), ("@amount", 1200.00m), ("@at", at), ("@flag", true), ("@name", "Zoë"), ("@ratio", 0.25));
        using (var cmd = _adoConnection.CreateCommand())
        {
            cmd.CommandText = Insert;
            foreach (var (name, value) in new (string, object?)[] { ("@id", 2L), ("@amount", 1200.00m), ("@at", at), ("@flag", true), ("@name", "Zoë"), ("@ratio", 0.25) })
            {
                Sql.AddParameter(cmd, SqliteDialect.Instance, name, value);
            }

            cmd.ExecuteNonQuery();
        }

        await _session.ExecuteAsync(Insert, default, ("@id", 3L), ("@amount", -5m), ("@at", null), ("@flag", false), ("@name", null), ("@ratio", null));

        Assert.Equal(
            ["1|text:1200.0|integer:" + at.UtcTicks + "|integer:1|text:Zoë|real:0.25", "2|text:1200.0|integer:" + at.UtcTicks + "|integer:1|text:Zoë|real:0.25",
                "3|text:-5.0|null:|integer:0|null:|null:"],
            Rows());
    }

    [Fact]
    public async Task RowCountsAndScalarsAnswerAsAdoNetDid()
    {
        await _session.ExecuteAsync(Insert, default, ("@id", 1L), ("@amount", 1m), ("@at", 5L), ("@flag", 0), ("@name", "a"), ("@ratio", 1.5));
        const string bump = """UPDATE "T" SET "At" = "At" + 1 WHERE "Id" = @id AND "At" < @limit""";

        Assert.Equal(-1, await _session.ExecuteAsync("SAVEPOINT s", default));
        Assert.Equal(1, await _session.ExecuteAsync(bump, default, ("@id", 1L), ("@limit", 7)));
        Assert.Equal(1, await _session.ExecuteAsync(bump, default, ("@id", 1L), ("@limit", 7)));
        Assert.Equal(0, await _session.ExecuteAsync(bump, default, ("@id", 1L), ("@limit", 7)));
        Assert.Equal(-1, await _session.ExecuteAsync("RELEASE s", default));

        Assert.Equal(7L, await _session.Int64Async("""SELECT "At" FROM "T" WHERE "Id" = @id""", default, ("@id", 1L)));
        Assert.Null(await _session.Int64Async("""SELECT "At" FROM "T" WHERE "Id" = @id""", default, ("@id", 2L)));
        Assert.Equal("a", await _session.StringAsync("""SELECT "Name" FROM "T" WHERE "Id" = @id""", default, ("@id", 1L)));
        Assert.Equal(2L, await _session.Int64Async("""INSERT INTO "T" ("Id") VALUES (@id) ON CONFLICT DO NOTHING RETURNING "Id" """, default, ("@id", 2L)));
        Assert.Null(await _session.Int64Async("""INSERT INTO "T" ("Id") VALUES (@id) ON CONFLICT DO NOTHING RETURNING "Id" """, default, ("@id", 2L)));
    }

    [Fact]
    public async Task WhatItCannotTakeGoesToAdoNet()
    {
        // Two statements in one text: ADO.NET runs both.
        Assert.Equal(2, await _session.ExecuteAsync("""INSERT INTO "T" ("Id") VALUES (@a); INSERT INTO "T" ("Id") VALUES (@b)""", default, ("@a", 1L), ("@b", 2L)));
        // A value type it does not bind: ADO.NET binds it.
        await _session.ExecuteAsync("""UPDATE "T" SET "Name" = @name WHERE "Id" = 1""", default, ("@name", Guid.Empty));
        Assert.Equal(Guid.Empty.ToString(), await _session.StringAsync("""SELECT "Name" FROM "T" WHERE "Id" = @id""", default, ("@id", 1L)));
        Assert.Equal(2, Rows().Count);
        // A parameter left without a value: ADO.NET refuses it, naming it.
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => _session.ExecuteAsync("""UPDATE "T" SET "At" = @at WHERE "Id" = @id""", default, ("@id", 1L)));
        Assert.Contains("@at", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInsertGivesTheNewRowsIdAndNoneWhenItInsertedNothing()
    {
        Ado("""CREATE UNIQUE INDEX "IX_T_Name" ON "T" ("Name")""");
        Ado("""INSERT INTO "T" ("Id", "Name", "At") VALUES (41, 'first', 0)""");
        const string add = """INSERT INTO "T" ("Name", "At") VALUES (@name, @at) ON CONFLICT DO NOTHING RETURNING "Id" """;

        Assert.Equal(42L, await _session.InsertedIdAsync(add, default, ("@name", "a"), ("@at", 1L)));
        // The conflict adds nothing: no id, although the connection's last rowid is still 42.
        Assert.Null(await _session.InsertedIdAsync(add, default, ("@name", "a"), ("@at", 2L)));
        Assert.Equal(43L, await _session.InsertedIdAsync(add, default, ("@name", "b"), ("@at", 3L)));
        // The same text answered by its own RETURNING clause agrees.
        Assert.Equal(44L, await _session.Int64Async(add, default, ("@name", "c"), ("@at", 4L)));
        Assert.Null(await _session.Int64Async(add, default, ("@name", "c"), ("@at", 4L)));
        // A text that does not end in RETURNING "Id" runs as written: here it returns the new row's "At".
        Assert.Equal(5L, await _session.InsertedIdAsync("""INSERT INTO "T" ("Name", "At") VALUES (@name, @at) RETURNING "At" """, default, ("@name", "d"), ("@at", 5L)));

        Assert.Equal(["41|text:first|integer:0", "42|text:a|integer:1", "43|text:b|integer:3", "44|text:c|integer:4", "45|text:d|integer:5"],
            Rows().Select(r => r.Split('|')).Select(c => $"{c[0]}|{c[4]}|{c[2]}"));
    }

    [Fact]
    public async Task AQueryReadsItsRowsAsAdoNetReadsThem()
    {
        await _session.ExecuteAsync(Insert, default, ("@id", 1L), ("@amount", 12.5m), ("@at", 7L), ("@flag", true), ("@name", "Zoë"), ("@ratio", null));
        await _session.ExecuteAsync(Insert, default, ("@id", 2L), ("@amount", null), ("@at", 0L), ("@flag", false), ("@name", null), ("@ratio", null));
        const string query = """SELECT "Id", "Amount", "At", "Flag", "Name" FROM "T" WHERE "Id" >= @from ORDER BY "Id" """;

        var rows = new List<string>();
        for (var round = 0; round < 2; round++)
        {
            // The second round runs the same prepared statement again, after the first was disposed.
            await using var reader = await _session.QueryAsync(query, default, ("@from", 1L));
            Assert.IsNotType<SqlRowReader.Ado>(reader);
            while (await reader.ReadAsync(default))
            {
                rows.Add(string.Join("|", reader.GetInt64(0), reader.IsDBNull(1) ? "null" : reader.GetString(1), reader.GetInt32(2), reader.GetBoolean(3),
                    reader.IsDBNull(4) ? "null" : reader.GetString(4)));
            }
        }

        Assert.Equal(["1|12.5|7|True|Zoë", "2|null|0|False|null", "1|12.5|7|True|Zoë", "2|null|0|False|null"], rows);

        // Stopped after its first row, the reader leaves the statement ready for the next call.
        await using (var first = await _session.QueryAsync(query, default, ("@from", 2L)))
        {
            Assert.True(await first.ReadAsync(default));
            Assert.Equal(2L, first.GetInt64(0));
        }

        await using (var again = await _session.QueryAsync(query, default, ("@from", 1L)))
        {
            Assert.True(await again.ReadAsync(default));
            Assert.Equal(1L, again.GetInt64(0));
        }

        // What the raw path cannot take (a parameter it does not bind) is read through ADO.NET.
        await using var ado = await _session.QueryAsync("""SELECT "Name" FROM "T" WHERE "Name" = @name""", default, ("@name", Guid.Empty));
        Assert.IsType<SqlRowReader.Ado>(ado);
        Assert.False(await ado.ReadAsync(default));
    }

    [Fact]
    public async Task AFailedStatementThrowsSqlitesErrorAndTheNextCallRunsAgain()
    {
        await _session.ExecuteAsync(Insert, default, ("@id", 1L), ("@amount", 1m), ("@at", 1L), ("@flag", 1), ("@name", "a"), ("@ratio", 1.0));

        var failure = await Assert.ThrowsAsync<SqliteException>(() => _session.ExecuteAsync(Insert, default, ("@id", 1L), ("@amount", 1m), ("@at", 1L), ("@flag", 1), ("@name", "a"), ("@ratio", 1.0)));
        Assert.Equal(19, failure.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(1, await _session.ExecuteAsync(Insert, default, ("@id", 2L), ("@amount", 1m), ("@at", 1L), ("@flag", 1), ("@name", "b"), ("@ratio", 1.0)));
        Assert.Equal(2, Rows().Count);
    }

    private List<string> Rows()
    {
        using var cmd = _adoConnection.CreateCommand();
        cmd.CommandText = """
            SELECT "Id", typeof("Amount") || ':' || coalesce("Amount", ''), typeof("At") || ':' || coalesce("At", ''), typeof("Flag") || ':' || coalesce("Flag", ''),
                   typeof("Name") || ':' || coalesce("Name", ''), typeof("Ratio") || ':' || coalesce("Ratio", '')
            FROM "T" ORDER BY "Id"
            """;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)));
        }

        return rows;
    }

    private void Ado(string sql)
    {
        using var cmd = _adoConnection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
