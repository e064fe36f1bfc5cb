namespace CouponAdmin.Core.Persistence;

/// <summary>
/// The database server the app runs on, chosen once at start-up by <c>Database:Provider</c>: SQLite (the embedded
/// default, one file) or PostgreSQL (several web nodes on one server). See docs/decisions.md ("PostgreSQL").
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
