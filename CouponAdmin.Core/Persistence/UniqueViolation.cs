using CouponAdmin.Core.Persistence.Dialects;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Persistence;

/// <summary>
/// Recognises a unique-constraint refusal, the database's answer when two writers race for one key, from either
/// provider (each dialect knows its own error), so the EF use cases that catch it need not know which one runs.
/// </summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException exception) =>
        SqliteDialect.Instance.IsUniqueViolation(exception) || PostgresDialect.Instance.IsUniqueViolation(exception);
}
