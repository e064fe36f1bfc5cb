using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CouponAdmin.Tests.Persistence;

/// <summary>
/// SQLite and PostgreSQL each have their own migration set (docs/decisions.md, "PostgreSQL"). These keep the two in step:
/// each set's snapshot is the model the app runs (a model change without a migration in both sets fails here), and the two
/// providers' models have the same tables, columns, keys, indexes and foreign keys by name. No server is needed: the
/// models are built, never connected.
/// </summary>
public sealed class ProviderModelsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void EachMigrationSetMatchesTheModel(DatabaseProvider provider)
    {
        using var db = Context(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} migrations do not match the model: add a migration to each set (see README, Data).");
    }

    [Fact]
    public void BothProvidersHaveTheSameTablesColumnsKeysAndIndexes()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite);
        using var postgres = Context(DatabaseProvider.Postgres);
        var shape = Shape(sqlite);
        Assert.Contains("index IX_Redemptions_OfferId_TransactionId_Code (OfferId, TransactionId, Code) unique filtered", shape);
        Assert.Equal(shape, Shape(postgres));
    }

    /// <summary>The schema as lines of text, sorted, so a difference shows as the lines that differ.</summary>
    private static List<string> Shape(CouponDbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var lines = new List<string>();
        foreach (var table in model.Tables)
        {
            lines.Add($"table {table.Name}");
            lines.AddRange(table.Columns.Select(c => $"column {table.Name}.{c.Name}{(c.IsNullable ? " null" : "")}"));
            if (table.PrimaryKey is { } key)
            {
                lines.Add($"key {key.Name} ({Names(key.Columns)})");
            }

            lines.AddRange(table.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()).Select(u => $"unique {u.Name} ({Names(u.Columns)})"));
            lines.AddRange(table.Indexes.Select(i => $"index {i.Name} ({Names(i.Columns)}){(i.IsUnique ? " unique" : "")}{(i.Filter is null ? "" : " filtered")}"));
            lines.AddRange(table.ForeignKeyConstraints.Select(f => $"foreign key {f.Name} ({Names(f.Columns)}) → {f.PrincipalTable.Name} {f.OnDeleteAction}"));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Names(IEnumerable<IColumn> columns) => string.Join(", ", columns.Select(c => c.Name));

    private static CouponDbContext Context(DatabaseProvider provider)
    {
        var database = new CouponDatabase(provider, provider == DatabaseProvider.Postgres ? "Host=localhost;Database=couponadmin_models" : "Data Source=models.db");
        return new(database.Configure(new DbContextOptionsBuilder<CouponDbContext>()).Options);
    }
}
