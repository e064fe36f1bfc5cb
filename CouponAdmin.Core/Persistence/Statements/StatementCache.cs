using System.Collections.Concurrent;
using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// A group of statements built once per dialect: each group (one per table or use case) writes its SQL once, asking the
/// dialect only for what differs between providers, and the text is then reused for every call.
/// </summary>
internal sealed class StatementCache<T>(Func<ISqlDialect, T> build)
    where T : class
{
    private readonly ConcurrentDictionary<ISqlDialect, T> _byDialect = new();

    public T For(ISqlDialect dialect) => _byDialect.GetOrAdd(dialect, build);
}
