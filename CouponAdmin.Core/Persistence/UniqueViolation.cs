using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Persistence;

/// <summary>Recognises a unique-constraint refusal, the database's answer when two writers race for one key.</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;

    public static bool Is(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
        && sqlite.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase);
}
