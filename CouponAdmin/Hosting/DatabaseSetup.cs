using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Hosting;

/// <summary>
/// The database from configuration (<c>Database:Provider</c>, <c>ConnectionStrings:CouponAdmin</c>), read once at
/// start-up; everything else is handed the resulting <see cref="CouponDatabase"/>.
/// </summary>
internal static class DatabaseSetup
{
    public static CouponDatabase DatabaseFrom(IConfiguration configuration, string contentRoot)
    {
        var provider = CouponDatabase.ParseProvider(configuration["Database:Provider"]);
        var configured = configuration.GetConnectionString("CouponAdmin");
        if (provider == DatabaseProvider.Sqlite)
        {
            return new CouponDatabase(provider, SqliteSetup.ResolveConnectionString(configured, contentRoot));
        }

        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:CouponAdmin is empty: set it to the server, e.g. " +
                "Host=db;Database=couponadmin;Username=couponadmin;Password=…");
        }

        return new CouponDatabase(provider, configured);
    }

    /// <summary>
    /// The folder files live in (uploads and written mail go beside it unless configured): the SQLite file's folder, or
    /// <c>data/</c> under the content root on PostgreSQL (several nodes must then share it, see docs/operations.md).
    /// </summary>
    public static string DataFolder(IConfiguration configuration, string contentRoot)
    {
        var database = DatabaseFrom(configuration, contentRoot);
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return Path.Combine(contentRoot, "data");
        }

        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        return Path.IsPathFullyQualified(dataSource) ? Path.GetDirectoryName(dataSource)! : Path.Combine(contentRoot, "data");
    }
}
