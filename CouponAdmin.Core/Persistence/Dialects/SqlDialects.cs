using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Persistence.Dialects;

/// <summary>The dialect of a context's provider: decided by the provider the app was configured with, once per context.</summary>
public static class SqlDialects
{
    public const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static ISqlDialect For(CouponDbContext db) =>
        db.Database.ProviderName == PostgresProvider ? PostgresDialect.Instance : SqliteDialect.Instance;

    /// <summary>The dialect of a provider name (a connection opened outside EF knows its provider from configuration).</summary>
    public static ISqlDialect ForProvider(string? providerName) =>
        providerName == PostgresProvider ? PostgresDialect.Instance : SqliteDialect.Instance;
}
