using System.Collections.Concurrent;

namespace Orleans.RealTime.Contracts.Text;

/// <summary>
/// One shared instance per distinct name (product ids, currencies, device and location names). Every decoded event
/// carries its own copies of these strings; long-lived state or batches that keep them keep one string per event, and
/// each such string stored in an old object is work for every young-generation collection. A pool hands back the first
/// instance it saw instead. Bounded: past <paramref name="capacity"/> distinct names it returns the value given, so
/// unexpected cardinality (client-supplied values) cannot grow it without end. Thread-safe.
/// </summary>
/// <param name="capacity">Most distinct names kept.</param>
public sealed class NamePool(int capacity)
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>Distinct names kept.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The pool's instance of <paramref name="value"/>; <paramref name="value"/> itself when new and the pool is full.</summary>
    public string Get(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_names.TryGetValue(value, out var name))
        {
            return name;
        }

        if (Volatile.Read(ref _count) >= capacity)
        {
            return value;
        }

        if (_names.TryAdd(value, value))
        {
            Interlocked.Increment(ref _count);
            return value;
        }

        return _names.TryGetValue(value, out name) ? name : value;
    }
}
