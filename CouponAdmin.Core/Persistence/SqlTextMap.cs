namespace CouponAdmin.Core.Persistence;

/// <summary>
/// Prepared statements keyed by their SQL text, found by the string instance first: the point-of-sale path passes the
/// same cached statement strings thousands of times a second, and hashing a statement of several hundred characters on
/// every call showed in its profile. A text that arrives as a new instance is found by its content and remembered under
/// that instance too; past <see cref="MaxInstances"/> instances that index starts over, so text built per call cannot
/// grow it without bound.
/// </summary>
internal sealed class SqlTextMap<T>
{
    private const int MaxInstances = 256;

    private readonly Dictionary<string, T> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T> _byInstance = new(ReferenceEqualityComparer.Instance);

    public IEnumerable<T> Values => _byText.Values;

    public bool TryGetValue(string sql, out T value)
    {
        if (_byInstance.TryGetValue(sql, out value!))
        {
            return true;
        }

        if (!_byText.TryGetValue(sql, out value!))
        {
            return false;
        }

        Remember(sql, value);
        return true;
    }

    public void Add(string sql, T value)
    {
        _byText[sql] = value;
        Remember(sql, value);
    }

    private void Remember(string sql, T value)
    {
        if (_byInstance.Count >= MaxInstances)
        {
            _byInstance.Clear();
        }

        _byInstance[sql] = value;
    }
}
