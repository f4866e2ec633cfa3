namespace Orleans.RealTime.Storage;

/// <summary>
/// One user's funnel on one day within a write: the stage bits and, per stage, the first and last event time (epoch
/// milliseconds; <see cref="long.MaxValue"/> / <see cref="long.MinValue"/> while the stage is absent).
/// </summary>
internal struct FunnelDayEntry
{
    private const int Stages = 3;

    private long[]? _first;
    private long[]? _last;

    /// <summary>The stage bits reached: 1 view, 2 cart, 4 purchase.</summary>
    public byte Bits { get; private set; }

    /// <summary>Adds an event of stage bit <paramref name="stage"/> (1, 2 or 4) at <paramref name="timeMs"/>.</summary>
    public void Add(byte stage, long timeMs)
    {
        if (_first is null || _last is null)
        {
            _first = [long.MaxValue, long.MaxValue, long.MaxValue];
            _last = [long.MinValue, long.MinValue, long.MinValue];
        }

        var index = stage switch { 1 => 0, 2 => 1, _ => 2 };
        Bits |= stage;
        _first[index] = Math.Min(_first[index], timeMs);
        _last[index] = Math.Max(_last[index], timeMs);
    }

    /// <summary>The first time of stage number <paramref name="index"/> (0 view, 1 cart, 2 purchase), or null if absent.</summary>
    public readonly long? First(int index) => _first is { } first && index < Stages && first[index] != long.MaxValue ? first[index] : null;

    /// <summary>The last time of stage number <paramref name="index"/> (0 view, 1 cart, 2 purchase), or null if absent.</summary>
    public readonly long? Last(int index) => _last is { } last && index < Stages && last[index] != long.MinValue ? last[index] : null;
}
